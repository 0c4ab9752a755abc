using System.Net;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.RegularExpressions;
using CourseBot.Cli.Serve;
using CourseBot.Core.Curriculum.Validation;
using CourseBot.Tests.GitHub;
using CourseBot.Tests.Webhooks;

namespace CourseBot.Tests.Hosts;

/// <summary>
/// <c>coursebot serve</c> with no App configured starts in setup mode and registers the App through
/// GitHub's manifest flow (GitHub's conversion endpoint played by a scripted server).
/// </summary>
public sealed partial class SetupModeTests : IDisposable
{
    private readonly string _data = Directory.CreateTempSubdirectory("coursebot-setup-").FullName;

    public void Dispose() => Directory.Delete(_data, recursive: true);

    [Fact]
    public async Task NoApp_SetupMode_RegistersTheApp_AndTheNextStartAcceptsWebhooks()
    {
        await using var github = await ScriptedGitHub.StartAsync();
        var course = CurriculumValidator.ValidateFolder(RepositoryPaths.Curriculum).Course!;
        var settings = new Dictionary<string, string?>
        {
            ["CourseBot:DataDirectory"] = _data,
            ["CourseBot:GitHub:ApiBaseUrl"] = github.BaseAddress.ToString(),
            ["CourseBot:PublicUrl"] = "https://bot.example.org/",
        };

        string webhookSecret;
        await using (var bot = BotServer.Build(course, "http://127.0.0.1:0", settings))
        {
            await bot.StartAsync();
            using var http = new HttpClient { BaseAddress = new Uri(bot.Urls.First()) };
            Assert.Contains("setup mode", await http.GetStringAsync("/healthz"), StringComparison.Ordinal);
            using (var refused = await http.SendAsync(WebhookRequests.Create(WebhookRequests.Ping)))
            {
                Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
            }

            var page = await http.GetStringAsync("/setup?org=course-org");
            var action = FormAction().Match(page).Groups[1].Value;
            Assert.StartsWith("https://github.com/organizations/course-org/settings/apps/new?state=", action, StringComparison.Ordinal);
            var manifest = JsonDocument.Parse(WebUtility.HtmlDecode(ManifestInput().Match(page).Groups[1].Value)).RootElement;
            Assert.Equal("https://bot.example.org/api/github/webhooks", manifest.GetProperty("hook_attributes").GetProperty("url").GetString());
            Assert.Equal("https://bot.example.org/setup/callback", manifest.GetProperty("redirect_url").GetString());
            Assert.Equal("write", manifest.GetProperty("default_permissions").GetProperty("issues").GetString());
            Assert.Contains("push", manifest.GetProperty("default_events").EnumerateArray().Select(e => e.GetString()));

            using (var forged = await http.GetAsync(new Uri("/setup/callback?code=abc&state=forged", UriKind.Relative)))
            {
                Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
            }

            using var key = RSA.Create(2048);
            webhookSecret = "whsec-" + Guid.NewGuid().ToString("N");
            github.Then(201, body: JsonSerializer.Serialize(new
            {
                id = 4242,
                slug = "coursebot-course-org",
                name = "CourseBot (course-org)",
                pem = key.ExportRSAPrivateKeyPem(),
                webhook_secret = webhookSecret,
                client_id = "Iv1.abc",
                client_secret = "shh",
                html_url = "https://github.com/apps/coursebot-course-org",
            }));
            var state = action[(action.IndexOf("state=", StringComparison.Ordinal) + 6)..];
            using var done = await http.GetAsync(new Uri($"/setup/callback?code=one-time-code&state={state}", UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, done.StatusCode);
            Assert.Contains("is registered", await done.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            Assert.Equal(("POST", "/app-manifests/one-time-code/conversions"), (github.Requests.Last().Method, github.Requests.Last().Path));
        }

        var secrets = Path.Combine(_data, "secrets.json");
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(secrets));
        Assert.Contains(webhookSecret, await File.ReadAllTextAsync(secrets), StringComparison.Ordinal);

        await using var configured = BotServer.Build(course, "http://127.0.0.1:0", settings);
        await configured.StartAsync();
        using var client = new HttpClient { BaseAddress = new Uri(configured.Urls.First()) };
        Assert.Equal("ok", await client.GetStringAsync("/healthz"));
        using var accepted = await client.SendAsync(WebhookRequests.Create(WebhookRequests.Ping, signature: WebhookRequests.Sign(WebhookRequests.Ping, webhookSecret)));
        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
    }

    [GeneratedRegex("<form method=\"post\" action=\"([^\"]+)\"")]
    private static partial Regex FormAction();

    [GeneratedRegex("name=\"manifest\" value=\"([^\"]+)\"")]
    private static partial Regex ManifestInput();
}
