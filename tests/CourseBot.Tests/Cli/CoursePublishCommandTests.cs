using System.Security.Cryptography;
using System.Text.Json.Nodes;
using CourseBot.Cli.Commands;
using CourseBot.Core.Publishing;
using CourseBot.Tests.Publishing;

namespace CourseBot.Tests.Cli;

/// <summary>
/// <c>coursebot course publish</c> as an admin runs it: with a token or as the bot's own App (its
/// secrets file from setup mode), against the emulator over HTTP; and the grader checksums as the
/// release attaches them.
/// </summary>
public sealed class CoursePublishCommandTests : IAsyncLifetime, IDisposable
{
    private readonly string _data = Directory.CreateTempSubdirectory("coursebot-publish-cli-").FullName;
    private PublishHarness _harness = null!;

    public async Task InitializeAsync() => _harness = await PublishHarness.StartAsync();

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    public void Dispose() => Directory.Delete(_data, recursive: true);

    [Fact]
    public async Task WithAnAdminToken_DryRunPrintsThePlan_ThenPublishPrintsTheBotsSettings()
    {
        var token = "ghp_admin" + Guid.NewGuid().ToString("N");
        _harness.GitHub.State.Tokens[token] = (_harness.Installation, _harness.GitHub.Time.GetUtcNow().AddHours(1));
        var settings = PublishHarness.Settings(RepositoryPaths.Root);

        var (dryExit, dryOutput, _) = await RunAsync(settings, dryRun: true, token);
        Assert.Equal(0, dryExit);
        Assert.StartsWith("Dry run: nothing is written.", dryOutput, StringComparison.Ordinal);
        Assert.Contains(
            "create    setting    celery-org/celery-course actions access  (access_level: organization)",
            dryOutput,
            StringComparison.Ordinal
        );
        Assert.Empty(_harness.GitHub.State.Repos);

        var (exit, output, error) = await RunAsync(settings, dryRun: false, token);
        Assert.True(exit == 0, error);
        Assert.Contains(
            "CourseBot__Oidc__AllowedWorkflowRefs__0=celery-org/celery-course"
            + $"/.github/workflows/grade.yml@{_harness.Head("celery-course")}",
            output,
            StringComparison.Ordinal
        );
        Assert.Contains("CourseBot__Journey__TemplateRepository=celery-org/celery-learner-template", output, StringComparison.Ordinal);

        var (_, again, _) = await RunAsync(settings, dryRun: false, token);
        Assert.Contains("0 change(s)", again, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AsTheApp_CannotCreateTheTeam_AndSaysToCreateItByHand()
    {
        using var key = RSA.Create(2048);
        var secrets = new JsonObject
        {
            ["CourseBot"] = new JsonObject
            {
                ["GitHub"] = new JsonObject { ["AppId"] = 1, ["PrivateKey"] = key.ExportPkcs8PrivateKeyPem() },
            },
        };
        await File.WriteAllTextAsync(Path.Combine(_data, "secrets.json"), secrets.ToJsonString());

        // The App holds members: read, so GitHub answers 403 to creating the instructors team: the rest is published.
        var (exit, _, error) = await RunAsync(PublishHarness.Settings(RepositoryPaths.Root), dryRun: false, token: null);

        Assert.Equal(1, exit);
        const string Refusal = "cannot create the team celery-org/instructors (Resource not accessible by integration)";
        Assert.Contains(Refusal, error, StringComparison.Ordinal);
        Assert.True(_harness.GitHub.State.Repos.ContainsKey("celery-org/celery-learner-template"));
    }

    [Fact]
    public async Task AsTheApp_FindsItsInstallation_WithTheTeamAnOwnerMade()
    {
        using var key = RSA.Create(2048);
        var app = new JsonObject { ["AppId"] = 1, ["PrivateKey"] = key.ExportPkcs8PrivateKeyPem() };
        var secrets = new JsonObject { ["CourseBot"] = new JsonObject { ["GitHub"] = app } };
        await File.WriteAllTextAsync(Path.Combine(_data, "secrets.json"), secrets.ToJsonString());

        _harness.GitHub.AddTeamMember(PublishHarness.Org, "instructors", "grace", "maintainer");
        var (exit, output, error) = await RunAsync(PublishHarness.Settings(RepositoryPaths.Root), dryRun: false, token: null);

        Assert.True(exit == 0, error);
        Assert.StartsWith("Published.", output, StringComparison.Ordinal);
        Assert.True(_harness.GitHub.State.Repos.ContainsKey("celery-org/coursebot-grader"));
    }

    [Fact]
    public async Task WithoutCredentials_SaysWhatToGive()
    {
        var (exit, _, error) = await RunAsync(PublishHarness.Settings(RepositoryPaths.Root), dryRun: true, token: null);

        Assert.Equal(1, exit);
        Assert.Contains("give --token (or GITHUB_TOKEN) of an organisation owner", error, StringComparison.Ordinal);
    }

    [Fact]
    public void GraderChecksums_ComeFromTheReleaseFiles_OrArchitecturePairs()
    {
        var x64 = Path.Combine(_data, "coursebot-grader-linux-x64.sha256");
        File.WriteAllText(x64, new string('C', 64) + "  coursebot-grader-linux-x64\n");
        var url = new Uri("https://github.com/o/r/releases/download/v1.2.3");

        var (release, problem) = GraderReleaseReader.Read("1.2.3", url, [x64]);
        Assert.Null(problem);
        Assert.Equal(new GraderRelease("1.2.3", url, new string('c', 64), GraderRelease.Unavailable), release);

        Assert.Equal(
            new string('d', 64),
            GraderReleaseReader.Read("1.2.3", url, [x64, "linux-arm64=" + new string('d', 64)]).Release!.Sha256LinuxArm64
        );
        Assert.Contains(
            "no SHA-256 for linux-x64",
            GraderReleaseReader.Read("1.2.3", url, ["linux-arm64=" + new string('d', 64)]).Problem,
            StringComparison.Ordinal
        );
        Assert.Contains("is not a SHA-256", GraderReleaseReader.Read("1.2.3", url, ["linux-x64=abc"]).Problem, StringComparison.Ordinal);
        Assert.Contains("not a release version", GraderReleaseReader.Read("main", url, [x64]).Problem, StringComparison.Ordinal);
    }

    private async Task<(int Exit, string Output, string Error)> RunAsync(PublishSettings settings, bool dryRun, string? token)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var saved = Environment.GetEnvironmentVariable("GITHUB_TOKEN");
        Environment.SetEnvironmentVariable("GITHUB_TOKEN", null);
        try
        {
            var exit = await CourseCommandLine.RunAsync(
                settings,
                dryRun,
                new PublishCredentials(token, _harness.GitHub.ApiBaseUrl, _data),
                output,
                error
            );
            return (exit, output.ToString(), error.ToString());
        }
        finally
        {
            Environment.SetEnvironmentVariable("GITHUB_TOKEN", saved);
        }
    }
}
