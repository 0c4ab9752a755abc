using System.Security.Cryptography;
using CourseBot.Cli.Commands;
using CourseBot.Core.Doctor;
using CourseBot.Core.GitHub;
using CourseBot.Tests.Infrastructure;
using CourseBot.Tests.Publishing;

namespace CourseBot.Tests.Doctor;

/// <summary>
/// <c>coursebot doctor</c> against the emulator, with the App's credentials as <c>serve</c> has them: an organisation set up by
/// <c>course publish</c>, with the App's webhook pointed at the bot and a delivery that reached it, passes every check; each
/// seeded misconfiguration fails its own check, with its own message, and no other.
/// </summary>
public sealed class DoctorCommandTests : IAsyncLifetime, IDisposable
{
    private const string Org = PublishHarness.Org;
    private const string BotUrl = "https://bot.example.org/";
    private readonly RSA _key = RSA.Create(2048);
    private PublishHarness _harness = null!;

    private GitHubEmulator.GitHubEmulator GitHub => _harness.GitHub;

    public async Task InitializeAsync()
    {
        _harness = await PublishHarness.StartAsync();
        // The App may read teams, not create them (members: read): an owner made the team, as the README says.
        GitHub.AddTeamMember(Org, "instructors", "grace", "maintainer");
        await _harness.PublishAsync(RepositoryPaths.Root, dryRun: false);
        GitHub.State.App.HookUrl = BotUrl + "api/github/webhooks";
        GitHub.AddDelivery("push", 202, deliveryId: "11111111-1111-1111-1111-111111111111");
    }

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    public void Dispose() => _key.Dispose();

    [Fact]
    public async Task AfterPublish_EveryCheckIsOk_AndTheExitIs0()
    {
        var (exit, output, error) = await RunAsync();

        Assert.True(exit == 0, output + error);
        Golden.AssertMatches("doctor-healthy.txt", output);
    }

    [Theory]
    [InlineData("permission", "App permissions", "the App lacks actions: write (has read)")]
    [InlineData("event", "App events", "the App is not subscribed to pull_request_review")]
    [InlineData("not-installed", "Installation on celery-org", "the App is not installed on celery-org")]
    [InlineData("template-flag", "Template repository celery-org/celery-learner-template", "not marked as a template")]
    [InlineData("actions-access", "Actions access", "celery-org/coursebot-grader shares its Actions with none")]
    [InlineData("team", "Instructors team celery-org/instructors", "not found, so no one may approve work")]
    [InlineData("webhook-url", "Webhook URL", "the App sends webhooks to https://smee.io/old-channel, not to the bot")]
    [InlineData("deliveries", "Webhook deliveries",
        "1 of the last 3 failed, the latest 22222222-2222-2222-2222-222222222222 (issues: Invalid HTTP Response: 500)")]
    public async Task EachMisconfiguration_FailsItsOwnCheck_WithWhatToFix(string seeded, string check, string message)
    {
        Seed(seeded);

        var (exit, output, _) = await RunAsync();

        Assert.Equal(1, exit);
        var failed = output.Split('\n').Where(l => l.StartsWith("FAIL", StringComparison.Ordinal)).ToList();
        var line = Assert.Single(failed);
        Assert.StartsWith($"FAIL  {check}: {message}", line, StringComparison.Ordinal);
        // Checks that need the installation are skipped, not failed, when it is missing.
        Assert.Equal(seeded == "not-installed" ? 4 : 0, output.Split('\n').Count(l => l.StartsWith("SKIP", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task APermissionTheOrganisationDidNotGrant_FailsTheInstallation_AndTheChecksGitHubThenRefuses()
    {
        // The App asks for members: read, but the organisation's owner has not accepted it yet.
        lock (GitHub.State.Gate)
        {
            var granted = new Dictionary<string, string>(GitHub.State.App.Permissions, StringComparer.Ordinal);
            granted.Remove("members");
            GitHub.State.InstallationPermissions[_harness.Installation] = granted;
        }

        var (exit, output, _) = await RunAsync();

        Assert.Equal(1, exit);
        Assert.Contains("FAIL  Installation on celery-org: celery-org has not granted members: read", output, StringComparison.Ordinal);
        const string Refused = "GitHub refused to show it (403: Resource not accessible by integration)";
        Assert.Contains($"FAIL  Instructors team celery-org/instructors: {Refused}", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FiveMisconfigurationsAtOnce_AreEachReported()
    {
        foreach (var seeded in new[] { "permission", "event", "template-flag", "actions-access", "team", "deliveries" })
        {
            Seed(seeded);
        }

        var (exit, output, _) = await RunAsync();

        Assert.Equal(1, exit);
        Golden.AssertMatches("doctor-misconfigured.txt", output);
    }

    [Fact]
    public async Task WithoutTheAppsCredentials_SaysHowToConfigureThem()
    {
        var (exit, _, error) = await RunAsync(new GitHubAppOptions { ApiBaseUrl = GitHub.ApiBaseUrl });

        Assert.Equal(1, exit);
        Assert.Contains("the App is not configured", error, StringComparison.Ordinal);
    }

    private void Seed(string misconfiguration)
    {
        lock (GitHub.State.Gate)
        {
            var state = GitHub.State;
            switch (misconfiguration)
            {
                case "permission":
                    state.App.Permissions["actions"] = "read";
                    break;
                case "event":
                    state.App.Events.Remove("pull_request_review");
                    break;
                case "not-installed":
                    state.Installations.Remove(_harness.Installation);
                    break;
                case "template-flag":
                    state.Repos[$"{Org}/celery-learner-template"].IsTemplate = false;
                    break;
                case "actions-access":
                    state.Repos[$"{Org}/coursebot-grader"].ActionsAccess = "none";
                    break;
                case "team":
                    state.Teams[Org].Remove("instructors");
                    break;
                case "webhook-url":
                    state.App.HookUrl = "https://smee.io/old-channel";
                    break;
                case "deliveries":
                    break;
                default:
                    throw new ArgumentOutOfRangeException(nameof(misconfiguration), misconfiguration, null);
            }
        }

        if (misconfiguration == "deliveries")
        {
            GitHub.AddDelivery("issues", 500, action: "opened", deliveryId: "22222222-2222-2222-2222-222222222222");
            GitHub.AddDelivery("issue_comment", 202, action: "created", deliveryId: "33333333-3333-3333-3333-333333333333");
        }
    }

    private Task<(int Exit, string Output, string Error)> RunAsync() => RunAsync(new GitHubAppOptions
    {
        AppId = 1,
        PrivateKey = _key.ExportPkcs8PrivateKeyPem(),
        ApiBaseUrl = GitHub.ApiBaseUrl,
    });

    private static async Task<(int Exit, string Output, string Error)> RunAsync(GitHubAppOptions app)
    {
        var manifest = AppManifest.Read(Path.Combine(RepositoryPaths.Root, "bot", "app-manifest.json"));
        var settings = new DoctorSettings(Org, manifest) { BotUrl = new Uri(BotUrl) };
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await DoctorCommandLine.RunAsync(settings, app, RepositoryPaths.Root, output, error);
        return (exit, output.ToString(), error.ToString());
    }
}
