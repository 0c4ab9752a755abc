using System.Net.Http.Headers;
using System.Text.Json;
using CourseBot.Core.GitHub;
using Octokit;
using Octokit.Internal;

namespace CourseBot.Core.Cohorts.Page;

/// <summary>
/// GitHub's OAuth web flow for the App (a user access token): send the browser to <c>/login/oauth/authorize</c> on GitHub's web
/// host, exchange the code it returns at <c>/login/oauth/access_token</c>, then ask <c>GET /user</c> with that token who signed
/// in. The token is used for that one call and kept nowhere: what the person may see is decided with the App's own
/// installation token, never with anything the person holds.
/// </summary>
public sealed class GitHubSignIn(GitHubAppOptions app) : IDisposable
{
    private static readonly Octokit.ProductHeaderValue Product = new("coursebot", "1.0");
    private readonly HttpClient _http = new(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
    {
        Timeout = TimeSpan.FromSeconds(20),
    };

    public bool IsConfigured => app.ClientId.Length > 0 && app.ClientSecret.Length > 0;

    public Uri AuthorizeUrl(Uri callback, string state) => new(new Uri(app.WebBaseUrl, "login/oauth/authorize"),
        $"?client_id={Uri.EscapeDataString(app.ClientId)}&redirect_uri={Uri.EscapeDataString(callback.AbsoluteUri)}"
        + $"&state={Uri.EscapeDataString(state)}&allow_signup=false");

    /// <summary>The signed-in login, or null with GitHub's reason when the code is not good (used, expired, another App's).</summary>
    public async Task<(string? Login, string? Problem)> SignInAsync(string code, Uri callback, CancellationToken cancel)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(app.WebBaseUrl, "login/oauth/access_token"))
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["client_id"] = app.ClientId,
                ["client_secret"] = app.ClientSecret,
                ["code"] = code,
                ["redirect_uri"] = callback.AbsoluteUri,
            }),
        };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        request.Headers.UserAgent.Add(new ProductInfoHeaderValue(Product.Name, Product.Version));
        using var response = await _http.SendAsync(request, cancel).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            return (null, $"GitHub answered {(int)response.StatusCode} to the code exchange");
        }

        // GitHub answers 200 with an "error" field when the code is refused.
        using var body = await JsonDocument.ParseAsync(
            await response.Content.ReadAsStreamAsync(cancel).ConfigureAwait(false), default, cancel).ConfigureAwait(false);
        if (!body.RootElement.TryGetProperty("access_token", out var token) || token.GetString() is not { Length: > 0 } userToken)
        {
            var error = body.RootElement.TryGetProperty("error", out var e) ? e.GetString() : null;
            return (null, "GitHub refused the sign-in code" + (error is null ? "" : $" ({error})"));
        }

        var user = new GitHubClient(new Connection(Product, app.ApiBaseUrl,
            new InMemoryCredentialStore(new Credentials(userToken, AuthenticationType.Bearer))));
        var me = await user.User.Current().ConfigureAwait(false);
        return (me.Login, null);
    }

    public void Dispose() => _http.Dispose();
}
