using CourseBot.Cli.Commands;
using CourseBot.Grading;
using CourseBot.Grading.Labs;
using CourseBot.Grading.Sandbox;
using CourseBot.Tests.Infrastructure;

namespace CourseBot.Tests.Grading;

/// <summary>
/// The proof itself can fail: a tiny fixture lab (Fixtures/proof, no Celery) has a right alternative, a wrong
/// variant the checks catch, one that passes (its checks are too few), and one whose proof.yml blames a check
/// that does not catch it. Its last check fails when a proof.yml reached the workspace.
/// </summary>
[Collection(GradingTestGroup.Name)]
public sealed class LabProofFrameworkTests
{
    private const string Lab = "demo/sum-lab";
    private static readonly string Root = Path.Combine(AppContext.BaseDirectory, "Fixtures", "proof");
    private static readonly string Curriculum = Path.Combine(Root, "curriculum");

    [Fact]
    public async Task AWrongVariantThatPasses_IsNotProven_AndTheRightOnesAre()
    {
        var lab = LabReader.Find(Curriculum, Lab).Lab!;
        var proof = new LabProof(Root, new Grader(new SandboxOptions(), new GradingEnvironment()));
        var seen = new List<string>();

        var outcome = await proof.RunAsync(lab, v => seen.Add(v.Target.Label), CancellationToken.None);

        Assert.Equal(["starter", "solution", "wrong/always-five", "wrong/blames-the-wrong-check", "wrong/subtracts", "alt/uses-sum"], seen);
        Assert.False(outcome.Proven);
        Assert.True(outcome.Of("starter").Proven, outcome.Of("starter").Line());
        Assert.True(outcome.Of("solution").Proven, outcome.Of("solution").Line());
        // Full marks includes "no proof note in the workspace": the variant's proof.yml stayed home.
        Assert.True(outcome.Of("alt/uses-sum").Proven, outcome.Of("alt/uses-sum").Line());

        var subtracts = outcome.Of("wrong/subtracts");
        Assert.True(subtracts.Proven, subtracts.Line());
        Assert.Equal(["adds two numbers", "adds other numbers"], subtracts.LostPoints.ToArray());
        Assert.Equal("wrong/subtracts: 1/5 below the pass mark, caught by: adds two numbers, adds other numbers: PROVEN", subtracts.Line());

        var passes = outcome.Of("wrong/always-five");
        Assert.False(passes.Proven);
        Assert.True(passes.Result.Passed);
        Assert.Equal(1, passes.Tries);
        Assert.Contains("passes with 3/5: no check stops it", passes.Line(), StringComparison.Ordinal);

        var blamed = outcome.Of("wrong/blames-the-wrong-check");
        Assert.False(blamed.Result.Passed);
        Assert.False(blamed.Proven);
        Assert.Contains("caught_by 'no proof note in the workspace', which lost no points", blamed.Line(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ProveAll_PrintsALinePerLabAndVariant_ASummary_AndExitsOneWhenAnythingIsNotProven()
    {
        var output = new StringWriter();

        var exit = await LabCommandLine.ProveAsync(
            Curriculum,
            [Lab],
            "redis://127.0.0.1:1/0",
            SandboxIdentity.LearnerUser,
            7,
            output,
            CancellationToken.None
        );

        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(1, exit);
        Assert.Equal("[1/1] demo/sum-lab", lines[0]);
        Assert.Contains(lines, l => l.StartsWith("  alt/uses-sum: 5/5 full marks: PROVEN (sums every argument", StringComparison.Ordinal));
        Assert.Contains(lines, l =>
            l.StartsWith("  wrong/always-five: passes with 3/5", StringComparison.Ordinal)
            && l.Contains("NOT PROVEN", StringComparison.Ordinal)
        );
        Assert.Equal(
            "NOT PROVEN: 2 of 6 targets in 1 lab(s): demo/sum-lab wrong/always-five; demo/sum-lab wrong/blames-the-wrong-check",
            lines[^1].TrimEnd()
        );
    }
}
