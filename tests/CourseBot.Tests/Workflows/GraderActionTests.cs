namespace CourseBot.Tests.Workflows;

/// <summary>
/// action.yml run the way the runner runs a composite action, against a hostile learner checkout:
/// the grader is downloaded from a (loopback) release folder, checked against the recorded SHA-256
/// and started as root from outside the checkout; nothing the learner planted ever runs.
/// </summary>
public sealed class GraderActionTests : IDisposable
{
    private const string BotUrl = "https://coursebot.course-org.example";
    private readonly RunnerSimulation _runner = new() { ContainerJob = true };
    private readonly ReleaseServer _release = new();

    public GraderActionTests()
    {
        _release.Publish(FakeGrader.AssetName, FakeGrader.Content);
        var learnerBin = HostileWorkspace.Plant(_runner);
        // Worst case: the job's PATH already starts with folders the learner can write.
        _runner.AddPath(Path.Combine(_runner.Workspace, "bin"));
        _runner.AddPath(learnerBin);
    }

    public void Dispose()
    {
        _release.Dispose();
        _runner.Dispose();
    }

    [Fact]
    public void Hostile_checkout_runs_nothing_and_the_verified_grader_runs_as_root_outside_it()
    {
        // The grader step exactly as the published grade.yml calls it.
        InstallAction(FakeGrader.Sha256);
        var gradeWorkflow = WorkflowDocument.Parse(WorkflowFiles.GradeWorkflow,
            WorkflowPlaceholders.Fill(File.ReadAllText(WorkflowFiles.GradeWorkflow), WorkflowPlaceholders.Plausible));
        var graderStep = gradeWorkflow.JobSteps("grade")[^1];
        Assert.Equal(WorkflowPlaceholders.Plausible["__GRADER_ACTION__"], graderStep.Uses);
        var before = HostileWorkspace.Snapshot(_runner.Workspace);

        var run = _runner.RunAction(graderStep.With);

        Assert.True(run.Succeeded, run.Log);
        Assert.Empty(HostileWorkspace.Ran(_runner));
        Assert.Equal(before, HostileWorkspace.Snapshot(_runner.Workspace));
        Assert.Equal([FakeGrader.AssetName], _release.Requests);
        Assert.Equal("0", File.ReadAllText(Path.Combine(_runner.Record, "grader-uid")).Trim());
        Assert.Equal("/", File.ReadAllText(Path.Combine(_runner.Record, "grader-cwd")).Trim());
        var env = FakeGrader.Environment(_runner)!;
        Assert.Equal("/usr/sbin:/usr/bin:/sbin:/bin", env["PATH"]);
        Assert.Equal(WorkflowPlaceholders.Plausible["__BOT_URL__"], env["INPUT_BOT_URL"]);
        Assert.Equal("false", env["INPUT_DRY_RUN"]);
        // The grader itself needs the OIDC request credentials (it mints the bot's tokens) ...
        Assert.Equal(_runner.JobEnv["ACTIONS_ID_TOKEN_REQUEST_TOKEN"], env["ACTIONS_ID_TOKEN_REQUEST_TOKEN"]);
        Assert.Equal("7", run.Outputs["score"]);
        Assert.Equal("10", run.Outputs["max-score"]);
        Assert.Equal("false", run.Outputs["passed"]);
    }

    [Fact]
    public void On_a_hosted_runner_the_unprivileged_account_reaches_the_grader_only_through_the_system_sudo()
    {
        // GitHub's ubuntu runners: the steps run as an account with passwordless sudo, and the learner
        // planted a sudo of their own on PATH and in the checkout.
        using var account = new RunnerUser();
        _runner.ContainerJob = false;
        InstallAction(FakeGrader.Sha256);
        _runner.RunStepsAs(account.Uid, account.Gid);

        var run = _runner.RunAction(new Dictionary<string, string> { ["bot-url"] = BotUrl });

        Assert.True(run.Succeeded, run.Log);
        Assert.Empty(HostileWorkspace.Ran(_runner));
        Assert.Equal("0", File.ReadAllText(Path.Combine(_runner.Record, "grader-uid")).Trim());
        var env = FakeGrader.Environment(_runner)!;
        Assert.Equal(RunnerUser.Name, env["SUDO_USER"]);
        Assert.DoesNotContain(_runner.Workspace, env["PATH"], StringComparison.Ordinal);
        Assert.DoesNotContain(_runner.Root, env["PATH"], StringComparison.Ordinal);
        Assert.Equal(_runner.JobEnv["ACTIONS_ID_TOKEN_REQUEST_URL"], env["ACTIONS_ID_TOKEN_REQUEST_URL"]);
        Assert.Equal("7", run.Outputs["score"]);
    }

    [Fact]
    public void A_binary_whose_sha256_differs_from_the_recorded_one_is_refused_and_never_run()
    {
        InstallAction(new string('0', 64));

        var run = _runner.RunAction(new Dictionary<string, string> { ["bot-url"] = BotUrl });

        Assert.False(run.Succeeded);
        Assert.Equal("Download the grader and check its SHA-256", run.FailedStep);
        Assert.Contains("refusing to run it", run.Log, StringComparison.Ordinal);
        Assert.Null(FakeGrader.Environment(_runner));
        Assert.Empty(Directory.GetFiles(_runner.Temp, "coursebot-grader", SearchOption.AllDirectories));
        Assert.Empty(HostileWorkspace.Ran(_runner));
    }

    [Fact]
    public void An_unpublished_action_with_placeholders_left_refuses_before_downloading()
    {
        InstallAction(sha256: "__GRADER_SHA256_LINUX_X64__", fill: false);

        var run = _runner.RunAction(new Dictionary<string, string> { ["bot-url"] = BotUrl });

        Assert.False(run.Succeeded);
        Assert.Contains("records no SHA-256", run.Log, StringComparison.Ordinal);
        Assert.Empty(_release.Requests);
        Assert.Null(FakeGrader.Environment(_runner));
    }

    [Fact]
    public void A_runner_architecture_without_a_recorded_sha256_refuses_before_downloading()
    {
        // Publish leaves the arm64 SHA-256 empty when a release has no arm64 build.
        InstallAction(sha256: "");

        var run = _runner.RunAction(new Dictionary<string, string> { ["bot-url"] = BotUrl });

        Assert.False(run.Succeeded);
        Assert.Contains("records no SHA-256 for " + FakeGrader.AssetName, run.Log, StringComparison.Ordinal);
        Assert.Empty(_release.Requests);
    }

    [Fact]
    public void A_step_output_the_learner_could_have_written_is_not_run()
    {
        // The grade step takes the path from the download step's output: point it at a planted program
        // as a forged GITHUB_OUTPUT line would, and the step refuses instead of running it as root.
        InstallAction(FakeGrader.Sha256);
        var action = Path.Combine(_runner.ActionPath, "action.yml");
        File.WriteAllText(action, File.ReadAllText(action).Replace(
            "${{ steps.grader.outputs.path }}", Path.Combine(_runner.Workspace, "coursebot-grader"), StringComparison.Ordinal));

        var run = _runner.RunAction(new Dictionary<string, string> { ["bot-url"] = BotUrl });

        Assert.False(run.Succeeded);
        Assert.Contains("is not the one the download step verified", run.Log, StringComparison.Ordinal);
        Assert.Empty(HostileWorkspace.Ran(_runner));
    }

    [Fact]
    public void The_harness_sees_an_unsafe_action_run_the_learners_programs()
    {
        // The hostile checkout is live: an action written the careless way (shell looked up on PATH,
        // the checkout as working directory, a bare tool name) runs the learner's programs, and the
        // record says so. The OIDC request token is in what they saw.
        File.WriteAllText(Path.Combine(_runner.ActionPath, "action.yml"), """
            name: careless
            description: runs python3 from wherever PATH and the checkout say
            runs:
              using: composite
              steps:
                - shell: bash
                  run: python3 --version
            """);

        var run = _runner.RunAction(new Dictionary<string, string>());

        Assert.False(run.Succeeded);
        Assert.NotEmpty(HostileWorkspace.Ran(_runner));
        var seen = string.Concat(Directory.GetFiles(_runner.Record, "planted-env.*").Select(File.ReadAllText));
        Assert.Contains(_runner.JobEnv["ACTIONS_ID_TOKEN_REQUEST_TOKEN"], seen, StringComparison.Ordinal);
    }

    private void InstallAction(string sha256, bool fill = true)
    {
        var text = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "action", "action.yml"));
        if (fill)
        {
            var values = new Dictionary<string, string>(WorkflowPlaceholders.Plausible, StringComparer.Ordinal)
            {
                ["__GRADER_RELEASE_URL__"] = _release.BaseUrl,
                ["__GRADER_SHA256_LINUX_X64__"] = sha256,
                ["__GRADER_SHA256_LINUX_ARM64__"] = sha256,
            };
            text = WorkflowPlaceholders.Fill(text, values);
        }

        File.WriteAllText(Path.Combine(_runner.ActionPath, "action.yml"), text);
    }
}
