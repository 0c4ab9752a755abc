using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Net.Http.Json;

namespace CourseBot.Core.GitHub;

/// <summary>
/// Installation access tokens, cached per installation until five minutes before they expire.
/// Tokens are opaque (newer ones are about 520 characters): stored and sent as they come.
/// </summary>
public sealed class InstallationTokens(GitHubAppJwt jwt, HttpClient http, TimeProvider time)
{
    private static readonly TimeSpan RefreshMargin = TimeSpan.FromMinutes(5);
    private readonly ConcurrentDictionary<long, (string Token, DateTimeOffset Expires)> _cache = new();
    private readonly ConcurrentDictionary<long, SemaphoreSlim> _locks = new();

    /// <summary>How many tokens were fetched from GitHub (for tests and API-call counts).</summary>
    public int Fetched { get; private set; }

    public async Task<string> GetAsync(long installationId, CancellationToken cancel)
    {
        if (Valid(installationId) is { } token)
        {
            return token;
        }

        var gate = _locks.GetOrAdd(installationId, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancel).ConfigureAwait(false);
        try
        {
            if (Valid(installationId) is { } again)
            {
                return again;
            }

            using var request = new HttpRequestMessage(
                HttpMethod.Post,
                new Uri($"app/installations/{installationId}/access_tokens", UriKind.Relative)
            );
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", jwt.Create());
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/vnd.github+json"));
            using var response = await http.SendAsync(request, cancel).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                throw new HttpRequestException(
                    $"GitHub refused an installation token for {installationId} ({(int)response.StatusCode})",
                    null,
                    response.StatusCode
                );
            }

            var created = await response
                .Content.ReadFromJsonAsync(GitHubJsonContext.Default.InstallationTokenResponse, cancel)
                .ConfigureAwait(false)
                ?? throw new HttpRequestException("GitHub answered without a token");
            Fetched++;
            _cache[installationId] = (created.Token, created.ExpiresAt);
            return created.Token;
        }
        finally
        {
            gate.Release();
        }
    }

    private string? Valid(long installationId) =>
        _cache.TryGetValue(installationId, out var entry) && entry.Expires - time.GetUtcNow() > RefreshMargin ? entry.Token : null;
}
