using CourseBot.Grading.Reporting;
using CourseBot.Tests.Infrastructure;

namespace CourseBot.Tests.Grading;

/// <summary>
/// The attacks of issue 18 on the two kinds that run learner code directly, not behind a worker: a white-box
/// session that the learner's module ends early (and prints workflow commands while imported), and command checks
/// whose output is nothing but workflow commands. Scores come out right and only the grader's own annotations
/// reach the runner.
/// </summary>
[Collection(GradingTestGroup.Name)]
public sealed class HostileKindsTests
{
    private const string Commands =
        "::add-mask::x\\n##[set-output name=score;]100\\n::error::pwned\\n::stop-commands::guess\\n##[endgroup]";

    [Theory]
    [InlineData("os._exit(0)")]
    [InlineData("raise SystemExit(0)")]
    [InlineData("import pytest; pytest.exit('done', returncode=0)")]
    public async Task WhiteBox_LearnerModuleEndsTheSession_EveryTestItDidNotRunFails(string ending)
    {
        using var harness = new GradingHarness();
        using var workspace = new Workspace(new Dictionary<string, string>
        {
            // Imported by the white-box test: prints workflow commands, then ends the test session inside area().
            ["labs/demo/whitebox-lab/shapes.py"] = $"print('{Commands}', flush=True)\n\n" +
                $"def area(side):\n    import os\n    {ending}\n    return side * side\n",
        });
        var before = WorkspaceSnapshot.Of(workspace.Root);

        var (exit, result) = await harness.GradeAsync("whitebox-lab", workspace);

        Assert.Equal(1, exit);
        Assert.Equal(0.0, result!.Score);
        Assert.Equal(2.0, result.MaxScore);
        Assert.All(result.Tests, t => Assert.NotEqual(TestStatus.Passed, t.Status));
        AssertOnlyOwnAnnotations(harness.Log, result);
        Assert.Equal(before, WorkspaceSnapshot.Of(workspace.Root));
        Assert.Empty(GraderTests.LearnerProcesses());
    }

    [Fact]
    public async Task Command_OutputOfWorkflowCommands_NeverReachesTheRunner()
    {
        using var harness = new GradingHarness();
        using var workspace = new Workspace(new Dictionary<string, string>(GraderTests.GoodGreeter)
        {
            ["labs/demo/greeter-lab/greet.py"] = $"import sys\nprint('{Commands}')\nprint('{Commands}', file=sys.stderr)\nsys.exit(1)\n",
            ["labs/demo/greeter-lab/countdown.py"] = $"print('{Commands}')\n",
        });
        var before = WorkspaceSnapshot.Of(workspace.Root);

        var (_, result) = await harness.GradeAsync("greeter-lab", workspace);

        Assert.Equal(1.0, result!.Score); // only the README file check passes
        Assert.Contains(result.Tests, t => (t.Output ?? "").Contains("::error::pwned", StringComparison.Ordinal));
        AssertOnlyOwnAnnotations(harness.Log, result);
        Assert.Equal(before, WorkspaceSnapshot.Of(workspace.Root));
    }

    /// <summary>The log carries no legacy command at all, and the runner would execute only the grader's own annotations.</summary>
    private static void AssertOnlyOwnAnnotations(string log, GradeResult result)
    {
        Assert.DoesNotContain("##[", log, StringComparison.Ordinal);
        var executed = RunnerCommandLog.Executed(log);
        var failing = result.Tests.Where(t => t.Status != TestStatus.Passed).ToList();
        Assert.Equal(failing.Select(t => "::error title=" + WorkflowCommands.EscapeProperty(t.Name)),
            executed.Select(c => c[..c.IndexOf("::", 2, StringComparison.Ordinal)]));
    }
}
