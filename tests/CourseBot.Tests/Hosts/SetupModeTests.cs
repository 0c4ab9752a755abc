using System.Net;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.RegularExpressions;
using CourseBot.Cli.Serve;
using CourseBot.Core.Curriculum.Validation;
using CourseBot.Tests.GitHub;
using CourseBot.Tests.Infrastructure;
using CourseBot.Tests.Webhooks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

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

            // Without the console's code, setup shows only the code form.
            Assert.Contains("one-time setup code", await http.GetStringAsync("/setup?org=course-org"), StringComparison.Ordinal);
            await UnlockAsync(http, bot);
            var page = await http.GetStringAsync("/setup?org=course-org");
            var action = FormAction().Match(page).Groups[1].Value;
            Assert.StartsWith("https://github.com/organizations/course-org/settings/apps/new?state=", action, StringComparison.Ordinal);
            var manifest = JsonDocument.Parse(WebUtility.HtmlDecode(ManifestInput().Match(page).Groups[1].Value)).RootElement;
            Assert.Equal(
                "https://bot.example.org/api/github/webhooks",
                manifest.GetProperty("hook_attributes").GetProperty("url").GetString()
            );
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
            Assert.Equal(
                ("POST", "/app-manifests/one-time-code/conversions"),
                (github.Requests.Last().Method, github.Requests.Last().Path)
            );
        }

        var secrets = Path.Combine(_data, "secrets.json");
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(secrets));
        Assert.Contains(webhookSecret, await File.ReadAllTextAsync(secrets), StringComparison.Ordinal);

        await using var configured = BotServer.Build(course, "http://127.0.0.1:0", settings);
        await configured.StartAsync();
        using var client = new HttpClient { BaseAddress = new Uri(configured.Urls.First()) };
        Assert.Equal("ok", await client.GetStringAsync("/healthz"));
        using var accepted = await client.SendAsync(
            WebhookRequests.Create(WebhookRequests.Ping, signature: WebhookRequests.Sign(WebhookRequests.Ping, webhookSecret))
        );
        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);

        // Configured: nobody can run the manifest flow again and take the bot over.
        foreach (var path in new[] { "/setup", "/setup?org=attacker", "/setup/callback?code=x&state=y" })
        {
            using var gone = await client.GetAsync(new Uri(path, UriKind.Relative));
            Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
        }
    }

    [Fact]
    public async Task Setup_WithoutTheConsoleCode_OrFromAnotherBrowser_IsRefused()
    {
        await using var run = await SetupRun.StartAsync(this);
        var (github, bot) = (run.GitHub, run.Bot);
        using var owner = new HttpClient { BaseAddress = new Uri(bot.Urls.First()) };
        using var stranger = new HttpClient { BaseAddress = new Uri(bot.Urls.First()) };

        using (var wrong = await SendCodeAsync(stranger, "NOT-THE-CODE"))
        {
            Assert.Equal(HttpStatusCode.Forbidden, wrong.StatusCode);
        }

        // The code is on the console, and only there: no page shows it.
        var code = bot.Services.GetRequiredService<SetupAccess>().Code;
        Assert.Contains(run.Logs.Messages, m => m.Contains($"enter the one-time code {code}", StringComparison.Ordinal));
        Assert.DoesNotContain(code, await owner.GetStringAsync("/setup"), StringComparison.Ordinal);

        await UnlockAsync(owner, bot);
        var action = FormAction().Match(await owner.GetStringAsync("/setup?org=course-org")).Groups[1].Value;
        var state = action[(action.IndexOf("state=", StringComparison.Ordinal) + 6)..];

        // The owner's state, from a browser without the owner's setup session: refused, and nothing is asked of GitHub.
        using (var hijack = await stranger.GetAsync(new Uri($"/setup/callback?code=stolen&state={state}", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.Forbidden, hijack.StatusCode);
        }

        // Another session (the code leaked later) cannot finish the owner's flow either.
        await UnlockAsync(stranger, bot);
        using (var other = await stranger.GetAsync(new Uri($"/setup/callback?code=stolen&state={state}", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.BadRequest, other.StatusCode);
        }

        Assert.Empty(github.Requests);
        Assert.False(File.Exists(Path.Combine(_data, "secrets.json")));
    }

    [Fact]
    public async Task Setup_TooManyWrongCodes_ClosesTheCode()
    {
        await using var run = await SetupRun.StartAsync(this);
        var (github, bot) = (run.GitHub, run.Bot);
        using var http = new HttpClient { BaseAddress = new Uri(bot.Urls.First()) };
        for (var i = 0; i < SetupAccess.MaxAttempts; i++)
        {
            using var wrong = await SendCodeAsync(http, $"GUESS{i}");
            Assert.Equal(HttpStatusCode.Forbidden, wrong.StatusCode);
        }

        using var late = await SendCodeAsync(http, bot.Services.GetRequiredService<SetupAccess>().Code);
        Assert.Equal(HttpStatusCode.Forbidden, late.StatusCode);
    }

    [Theory]
    [InlineData("app-settings")]
    [InlineData("secrets-file")]
    public async Task Setup_Is404_OnceAnAppIsConfigured(string how)
    {
        await using var github = await ScriptedGitHub.StartAsync();
        var settings = Settings(github);
        var secrets = Path.Combine(_data, "secrets.json");
        const string Existing = """{"CourseBot":{"GitHub":{"AppId":77}}}""";
        if (how == "app-settings")
        {
            using var key = RSA.Create(2048);
            settings["CourseBot:GitHub:AppId"] = "77";
            settings["CourseBot:GitHub:PrivateKey"] = key.ExportPkcs8PrivateKeyPem();
        }
        else
        {
            // Even a half-written secrets file (no key, no webhook secret) closes setup: it is never overwritten.
            await File.WriteAllTextAsync(secrets, Existing);
        }

        await using var bot = BotServer.Build(Course, "http://127.0.0.1:0", settings);
        await bot.StartAsync();
        using var http = new HttpClient { BaseAddress = new Uri(bot.Urls.First()) };
        foreach (var path in new[] { "/setup", "/setup/callback?code=x&state=y" })
        {
            using var response = await http.GetAsync(new Uri(path, UriKind.Relative));
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        }

        using var post = await http.PostAsync(new Uri("/setup", UriKind.Relative), new FormUrlEncodedContent([new("code", "x")]));
        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        Assert.Equal(how == "secrets-file" ? Existing : null, File.Exists(secrets) ? await File.ReadAllTextAsync(secrets) : null);
    }

    [Fact]
    public async Task Setup_SecretsFileWrittenMeanwhile_IsNeverOverwritten()
    {
        await using var run = await SetupRun.StartAsync(this);
        var (github, bot) = (run.GitHub, run.Bot);
        using var http = new HttpClient { BaseAddress = new Uri(bot.Urls.First()) };
        await UnlockAsync(http, bot);
        var action = FormAction().Match(await http.GetStringAsync("/setup")).Groups[1].Value;
        var state = action[(action.IndexOf("state=", StringComparison.Ordinal) + 6)..];

        // An administrator configures the App by hand while the page is open.
        var secrets = Path.Combine(_data, "secrets.json");
        await File.WriteAllTextAsync(secrets, "{\"by\":\"hand\"}");
        using var done = await http.GetAsync(new Uri($"/setup/callback?code=one-time-code&state={state}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, done.StatusCode);
        Assert.Equal("{\"by\":\"hand\"}", await File.ReadAllTextAsync(secrets));
        Assert.Empty(github.Requests);
    }

    /// <summary>A bot in setup mode over the test's data folder, with GitHub's conversion endpoint played by a scripted server.</summary>
    private sealed class SetupRun(ScriptedGitHub github, Microsoft.AspNetCore.Builder.WebApplication bot, CapturedLogs logs)
        : IAsyncDisposable
    {
        public ScriptedGitHub GitHub => github;

        public Microsoft.AspNetCore.Builder.WebApplication Bot => bot;

        /// <summary>What the bot wrote to its console.</summary>
        public CapturedLogs Logs => logs;

        public static async Task<SetupRun> StartAsync(SetupModeTests test)
        {
            var github = await ScriptedGitHub.StartAsync();
            var logs = new CapturedLogs();
            var bot = BotServer.Build(Course, "http://127.0.0.1:0", test.Settings(github),
                services => services.AddSingleton<ILoggerProvider>(logs));
            await bot.StartAsync();
            return new SetupRun(github, bot, logs);
        }

        public async ValueTask DisposeAsync()
        {
            await bot.DisposeAsync();
            await github.DisposeAsync();
        }
    }

    private static Core.Curriculum.Model.Course Course => CurriculumValidator.ValidateFolder(RepositoryPaths.Curriculum).Course!;

    private Dictionary<string, string?> Settings(ScriptedGitHub github) => new()
    {
        ["CourseBot:DataDirectory"] = _data,
        ["CourseBot:GitHub:ApiBaseUrl"] = github.BaseAddress.ToString(),
        ["CourseBot:PublicUrl"] = "https://bot.example.org/",
    };

    /// <summary>Types the code the bot printed on its console into the setup form (the client keeps the session cookie).</summary>
    private static async Task UnlockAsync(HttpClient http, Microsoft.AspNetCore.Builder.WebApplication bot)
    {
        var code = bot.Services.GetRequiredService<SetupAccess>().Code;
        using var unlocked = await SendCodeAsync(http, code.ToLowerInvariant());
        Assert.Equal(HttpStatusCode.OK, unlocked.StatusCode); // redirected to the setup page
        Assert.Contains("Create the GitHub App", await unlocked.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private static async Task<HttpResponseMessage> SendCodeAsync(HttpClient http, string code)
    {
        using var form = new FormUrlEncodedContent([new("code", code)]);
        return await http.PostAsync(new Uri("/setup", UriKind.Relative), form);
    }

    [GeneratedRegex("<form method=\"post\" action=\"([^\"]+)\"")]
    private static partial Regex FormAction();

    [GeneratedRegex("name=\"manifest\" value=\"([^\"]+)\"")]
    private static partial Regex ManifestInput();
}
