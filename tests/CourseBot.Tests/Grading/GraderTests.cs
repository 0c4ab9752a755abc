using System.Diagnostics;
using CourseBot.Grading.Reporting;
using CourseBot.Grading.Sandbox;
using CourseBot.Tests.Infrastructure;

namespace CourseBot.Tests.Grading;

/// <summary>Fixture workspaces graded end to end with real processes; as root (CI) the learner user switch is exercised.</summary>
[Collection(GradingTestGroup.Name)]
public sealed class GraderTests
{
    internal const string Greeter = "labs/demo/greeter-lab/";

    internal static readonly Dictionary<string, string> GoodGreeter = new()
    {
        [Greeter + "greet.py"] = "import sys\nname = sys.stdin.read().strip() or 'world'\nprint(f'Hello, {name}!')\n",
        [Greeter + "countdown.py"] = "import sys\nfor i in range(int(sys.argv[1]), 0, -1):\n    print(i)\n",
        [Greeter + "README.md"] = "# Greeter\n\nUsage: echo Ada | python3 greet.py\n",
    };

    [Fact]
    public void Tests_RunAsRoot_SoTheUserSwitchIsExercised()
    {
        Assert.True(SandboxIdentity.IsRoot, "grading tests run as root (as CI does) so that learner code runs as its own user");
    }

    [Fact]
    public async Task Grade_AllPass_ScoresFullMarksAndExitsZero()
    {
        using var harness = new GradingHarness();
        using var workspace = new Workspace(GoodGreeter);
        var (exit, result) = await harness.GradeAsync("greeter-lab", workspace);
        Assert.Equal(0, exit);
        Assert.NotNull(result);
        Assert.All(result.Tests, t => Assert.Equal(TestStatus.Passed, t.Status));
        Assert.Equal((5.0, 5.0, true, "passed"), (result.Score, result.MaxScore, result.Passed, result.Status));
        Assert.Equal("demo/greeter-lab", result.Lab);
        Assert.True(result.Isolated);
        Assert.Contains("score=5\nmax-score=5\npassed=true\n", harness.Outputs, StringComparison.Ordinal);
        Assert.Contains("✅ Greeter: 5 / 5 points", harness.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Grade_AllFail_ScoresZeroAndExitsOne()
    {
        using var harness = new GradingHarness();
        using var workspace = new Workspace(new Dictionary<string, string> { [Greeter + "greet.py"] = "import sys\nsys.exit(3)\n" });
        var (exit, result) = await harness.GradeAsync("greeter-lab", workspace);
        Assert.Equal(1, exit);
        Assert.Equal(0, result!.Score);
        Assert.DoesNotContain(result.Tests, t => t.Status == TestStatus.Passed);
        var readme = Assert.Single(result.Tests, t => t.Name == "README explains usage");
        Assert.Equal("`labs/demo/greeter-lab/README.md` was not found in your repository", readme.Message);
        Assert.Contains("::error title=greets by name::`python3 greet.py` exited with code 3", harness.Log, StringComparison.Ordinal);
        Assert.Contains("Hint: Read the name from standard input.", harness.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Grade_SomeChecksPass_GivesPartialCredit()
    {
        using var harness = new GradingHarness();
        var files = new Dictionary<string, string>(GoodGreeter) { [Greeter + "countdown.py"] = "print(3)\nprint(1)\n" };
        files.Remove(Greeter + "README.md");
        using var workspace = new Workspace(files);
        var (exit, result) = await harness.GradeAsync("greeter-lab", workspace);
        Assert.Equal(1, exit);
        Assert.Equal((3.0, 5.0, false), (result!.Score, result.MaxScore, result.Passed));
        Assert.Equal("expected the output to match /^3\\n2\\n1$/", Assert.Single(result.Tests, t => t.Name == "counts down").Message);
    }

    [Fact]
    public async Task Grade_NeverEndingCheck_IsKilledWithinTimeoutAndLeavesNoProcess()
    {
        using var harness = new GradingHarness().WithLab("slow-lab", """
            title: Slow
            workdir: .
            checks:
              - name: never ends
                kind: command
                run: "(sleep 300 &); setsid sleep 301 & nohup sleep 302 >/dev/null 2>&1 & while true; do :; done"
                comparison: exit-code
                timeout_seconds: 2
                points: 1
            """);
        using var workspace = new Workspace(new Dictionary<string, string> { ["README.md"] = "x" });
        var clock = Stopwatch.StartNew();
        var (_, result) = await harness.GradeAsync("slow-lab", workspace);
        var test = Assert.Single(result!.Tests);
        Assert.Equal(TestStatus.Timeout, test.Status);
        Assert.True(test.DurationMs < 4_000, $"killed after {test.DurationMs} ms");
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(15), $"grading took {clock.Elapsed}");
        Assert.Empty(LearnerProcesses());
    }

    [Fact]
    public async Task Grade_FiftyMegabytesOfOutput_IsTruncatedAndSummaryStaysUnderOneMebibyte()
    {
        using var harness = new GradingHarness().WithLab("noisy-lab", """
            title: Noisy
            workdir: .
            checks:
              - name: floods the log
                kind: command
                run: "python3 -c \"import sys; sys.stdout.write('x' * 50_000_000); sys.exit(1)\""
                comparison: exit-code
                points: 1
            """);
        using var workspace = new Workspace(new Dictionary<string, string> { ["README.md"] = "x" });
        var (_, result) = await harness.GradeAsync("noisy-lab", workspace);
        var test = Assert.Single(result!.Tests);
        Assert.Contains("[output truncated: 49,934,464 more bytes not shown]", test.Output, StringComparison.Ordinal);
        Assert.True(System.Text.Encoding.UTF8.GetByteCount(harness.Summary) < 1 << 20);
        Assert.True(harness.Log.Length < 1 << 20);
    }

    [Fact]
    public async Task Grade_OutputWithWorkflowCommands_CannotActAsCommands()
    {
        using var harness = new GradingHarness().WithLab("inject-lab", """
            title: Inject
            workdir: .
            checks:
              - name: tries commands
                kind: command
                run: "printf '::error::pwned\\n##[error]legacy\\n  ::add-mask::secret\\r::set-output name=score::100\\n%s\\n' \
                  '::stop-commands::x' '</pre><script>alert(1)</script>'"
                output: nothing like this
                comparison: contains
                points: 1
            """);
        using var workspace = new Workspace(new Dictionary<string, string> { ["README.md"] = "x" });
        await harness.GradeAsync("inject-lab", workspace);
        // No legacy command anywhere in a line, and the only workflow command the runner would execute is the grader's
        // own annotation, with learner text escaped: the table is printed with commands stopped by a random token.
        Assert.DoesNotContain("##[", harness.Log, StringComparison.Ordinal);
        Assert.Contains("::stop-commands::", harness.Log, StringComparison.Ordinal);
        Assert.All(RunnerCommandLog.Executed(harness.Log), l =>
            Assert.StartsWith("::error title=tries commands::", l, StringComparison.Ordinal)
        );
        Assert.Single(RunnerCommandLog.Executed(harness.Log));
        // In the summary learner output is shown as text: HTML-encoded inside <pre>.
        Assert.Contains("&lt;/pre&gt;&lt;script&gt;alert(1)&lt;/script&gt;", harness.Summary, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", harness.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Grade_MalformedCheckFile_NamesFileAndLine()
    {
        using var harness = new GradingHarness();
        using var workspace = new Workspace(GoodGreeter);
        var (exit, result) = await harness.GradeAsync("broken-lab", workspace);
        Assert.Equal(2, exit);
        Assert.Null(result);
        Assert.Contains(
            "curriculum/modules/01-demo/labs/broken-lab/lab.yml:3:5: error: checks[0].run: missing required field (expected text)",
            harness.Log,
            StringComparison.Ordinal
        );
        Assert.Contains(
            "curriculum/modules/01-demo/labs/broken-lab/lab.yml:8:11: error: checks[1].kind: 'telepathy' is not one of command, file, "
            + "celery, white-box",
            harness.Log,
            StringComparison.Ordinal
        );
    }

    [Fact]
    public async Task Grade_UnknownLab_ListsKnownLabs()
    {
        using var harness = new GradingHarness();
        using var workspace = new Workspace(GoodGreeter);
        var (exit, _) = await harness.GradeAsync("no-such-lab", workspace);
        Assert.Equal(2, exit);
        Assert.Contains("no lab 'no-such-lab'", harness.Log, StringComparison.Ordinal);
        Assert.Contains("demo/greeter-lab", harness.Log, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Grade_ClassroomAutogradingJson_IsGradedAsCommandChecks()
    {
        using var harness = new GradingHarness();
        using var workspace = new Workspace(new Dictionary<string, string>(GoodGreeter)
        {
            [".github/classroom/autograding.json"] = """
                {"tests": [
                  {"name": "greets", "setup": "", "run": "python3 labs/demo/greeter-lab/greet.py", "input": "Grace",
                   "output": "Hello, Grace!", "comparison": "exact", "timeout": 1, "points": 3},
                  {"name": "counts", "setup": "true", "run": "python3 labs/demo/greeter-lab/countdown.py 2", "input": "",
                   "output": "2\n1", "comparison": "included", "timeout": 1, "points": 2},
                  {"name": "wrong", "setup": "", "run": "echo nope", "input": "", "output": "^yes$", "comparison": "regex",
                   "timeout": 1, "points": 1}
                ]}
                """,
            }
        );
        var (exit, result) = await harness.GradeAsync(
            "classroom/assignment",
            workspace,
            Path.Combine(workspace.Root, ".github/classroom/autograding.json")
        );
        Assert.Equal(1, exit);
        Assert.Equal(["passed", "passed", "failed"], result!.Tests.Select(t => t.Status));
        Assert.Equal((5.0, 6.0), (result.Score, result.MaxScore));
    }

    [Fact]
    public async Task Grade_WhiteBoxCheck_IgnoresLearnerConftestAndIsLabelled()
    {
        using var harness = new GradingHarness();
        using var workspace = new Workspace(
            new Dictionary<string, string>
            {
                ["labs/demo/whitebox-lab/shapes.py"] = "def area(side):\n    return side * side\n",
                // A learner conftest that would force every test to pass must not be loaded.
                ["labs/demo/whitebox-lab/conftest.py"] =
                    "import pytest\n@pytest.hookimpl(hookwrapper=True)\ndef pytest_runtest_makereport(item, call):\n    outcome = yield\n  "
                    + "  outcome.get_result().outcome = 'passed'\n",
                ["labs/demo/whitebox-lab/pytest.ini"] = "[pytest]\naddopts = -p no:junitxml\n",
            }
        );
        var (_, result) = await harness.GradeAsync("whitebox-lab", workspace);
        Assert.Equal(2, result!.Tests.Count);
        Assert.All(result.Tests, t => Assert.Equal("white-box", t.Kind));
        Assert.Equal(TestStatus.Passed, Assert.Single(result.Tests, t => t.Name == "structure: area of square").Status);
        Assert.Equal(TestStatus.Failed, Assert.Single(result.Tests, t => t.Name == "structure: has docstring").Status);
        Assert.Contains("*white-box*", harness.Summary, StringComparison.Ordinal);
    }

    /// <summary>
    /// Live processes of this suite's lab users (prefix <see cref="SandboxIdentity.LearnerUser"/>), or of a
    /// lab user already deleted (a leftover). Lab proofs running beside these tests have prefixes of their own;
    /// their users are read before and after the scan, so one made or deleted meanwhile is still told apart.
    /// </summary>
    internal static List<int> LearnerProcesses()
    {
        var others = OtherGradersUids();
        var found = Directory.EnumerateDirectories("/proc")
            .Where(d => int.TryParse(Path.GetFileName(d), out _))
            .Select(d =>
            {
                try
                {
                    // A zombie (Z) or dying (X) process runs nothing and holds nothing; it only waits to be reaped.
                    var status = File.ReadAllLines(Path.Combine(d, "status"));
                    var dead = status.Any(l =>
                        l.StartsWith("State:\tZ", StringComparison.Ordinal) || l.StartsWith("State:\tX", StringComparison.Ordinal)
                    );
                    var uid = status
                        .FirstOrDefault(l => l.StartsWith("Uid:", StringComparison.Ordinal))
                        ?.Split('\t', StringSplitOptions.RemoveEmptyEntries)[1];
                    return (Pid: int.Parse(Path.GetFileName(d), System.Globalization.CultureInfo.InvariantCulture), Uid: dead ? null : uid);
                }
                catch (IOException)
                {
                    return (Pid: 0, Uid: null);
                }
            })
            .Where(p => p.Uid is not null && IsLearnerUid(p.Uid))
            .ToList();
        others.UnionWith(OtherGradersUids());
        return found.Where(p => !others.Contains(p.Uid!)).Select(p => p.Pid).ToList();
    }

    internal static bool IsLearnerUid(string uid) =>
        long.TryParse(uid, System.Globalization.CultureInfo.InvariantCulture, out var id)
        && id >= SandboxIdentity.FirstLabUid && id < (long)SandboxIdentity.FirstLabUid + SandboxIdentity.LabUidCount;

    private static HashSet<string> OtherGradersUids() =>
        File.ReadLines("/etc/passwd").Select(l => l.Split(':'))
            .Where(f => f.Length > 2 && !f[0].StartsWith(SandboxIdentity.LearnerUser + "-", StringComparison.Ordinal))
            .Select(f => f[2])
            .ToHashSet(StringComparer.Ordinal);
}
