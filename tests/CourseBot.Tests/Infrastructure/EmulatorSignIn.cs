using System.Net.Http.Headers;
using System.Text.Json;

namespace CourseBot.Tests.Infrastructure;

/// <summary>The emulator's OAuth web flow done by hand (no browser): a user access token for <c>SignedInUser</c>.</summary>
internal static class EmulatorSignIn
{
    public static async Task<string> UserTokenAsync(GitHubEmulator.GitHubEmulator github, string callback)
    {
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
        var authorize = new Uri(github.WebBaseUrl, "login/oauth/authorize?client_id=" + github.Options.OAuthClientId
            + "&redirect_uri=" + Uri.EscapeDataString(callback) + "&state=s1");
        using var sent = await http.GetAsync(authorize);
        var back = sent.Headers.Location ?? throw new InvalidOperationException($"authorize answered {(int)sent.StatusCode}");
        var code = System.Web.HttpUtility.ParseQueryString(back.Query)["code"]!;
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(github.WebBaseUrl, "login/oauth/access_token"))
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["client_id"] = github.Options.OAuthClientId,
                ["client_secret"] = github.Options.OAuthClientSecret,
                ["code"] = code,
                ["redirect_uri"] = callback,
            }),
        };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        using var exchanged = await http.SendAsync(request);
        using var body = JsonDocument.Parse(await exchanged.Content.ReadAsStringAsync());
        return body.RootElement.GetProperty("access_token").GetString()!;
    }
}
