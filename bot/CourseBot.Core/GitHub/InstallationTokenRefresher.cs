using System.Net.Http.Headers;

namespace CourseBot.Core.GitHub;

/// <summary>
/// Sets an installation's current token on every attempt, below the resilience pipeline. Octokit puts the token on a request
/// before the pipeline, which may then hold it for most of an hour (GitHub's 500 creations an hour, a retry-after): a token
/// taken before such a wait can expire during it, and the call would fail with 401 after waiting. Only a token already on the
/// request is replaced, never added: Octokit's redirect handler, above this one, drops the header when a redirect leaves
/// GitHub's host, and adding it back here would hand the installation's token to that other host.
/// </summary>
internal sealed class InstallationTokenRefresher(InstallationTokens tokens, long installationId) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Headers.Authorization is null)
        {
            return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }

        var token = await tokens.GetAsync(installationId, cancellationToken).ConfigureAwait(false);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }
}
