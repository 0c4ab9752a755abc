using System.Globalization;
using CourseBot.Grading.Labs;
using CourseBot.Grading.Reporting;
using CourseBot.Grading.Sandbox;

namespace CourseBot.Grading.Checks;

/// <summary>
/// Runs a hidden pytest file and turns its JUnit report into one result per test, sharing the check's points
/// over the tests the grader found before the run (<see cref="HiddenTestIds"/>): a session that ends early, or
/// ends with a status other than 0 or 1, cannot shrink the denominator. <c>celery</c> tests run as the grader,
/// in their own process, and reach the learner's worker only through the broker; their report is written where
/// only the grader can write. <c>white-box</c> tests import learner code, so they run as the learner user and
/// are labelled as such.
/// </summary>
public sealed class PytestCheckRunner : ICheckRunner
{
    public const string HelperModule = "coursebot_lab.py";

    private static readonly TimeSpan CollectTimeout = TimeSpan.FromSeconds(60);

    private int _runs;

    public async Task<IReadOnlyList<TestResult>> RunAsync(CheckDefinition definition, CheckContext context, CancellationToken cancel)
    {
        var check = (PytestCheck)definition;
        var run = Interlocked.Increment(ref _runs).ToString(CultureInfo.InvariantCulture);
        if (!check.WhiteBox && context.WorkerFailure is { } failure)
        {
            return [PytestScoring.CheckFailed(check, TestStatus.Error, failure, null)];
        }

        return check.WhiteBox
            ? await RunWhiteBoxAsync(check, context, run, cancel).ConfigureAwait(false)
            : await RunBlackBoxAsync(check, context, run, cancel).ConfigureAwait(false);
    }

    private static async Task<IReadOnlyList<TestResult>> RunBlackBoxAsync(
        PytestCheck check,
        CheckContext context,
        string run,
        CancellationToken cancel
    )
    {
        var sandbox = context.Sandbox;
        var report = Path.Combine(sandbox.ResultsRoot, $"junit-{run}.xml");
        // Our own (empty) configuration, so no ini file is looked for anywhere else, and the helpers hidden tests import.
        var ini = Path.Combine(sandbox.HiddenRoot, "pytest.ini");
        if (!File.Exists(ini))
        {
            await File.WriteAllTextAsync(ini, "[pytest]\n", cancel).ConfigureAwait(false);
        }

        await WriteHelperAsync(sandbox.HiddenRoot, cancel).ConfigureAwait(false);
        var testFile = Path.Combine(sandbox.HiddenRoot, check.TestFile);

        // Hidden tests never import learner code, so collecting them as the grader runs nothing of the learner's.
        var collected = await GraderPytest
            .RunAsync(
                context,
                [.. CommonArguments(testFile, sandbox.HiddenRoot, "no"), "--collect-only", "-p", "no:warnings"],
                CollectTimeout,
                cancel
            )
            .ConfigureAwait(false);
        var expected = HiddenTestIds.FromCollectOnly(collected.Output, Path.GetRelativePath(sandbox.HiddenRoot, testFile));
        if (collected.ExitCode != 0 || expected.Count == 0)
        {
            return
            [
                PytestScoring.CheckFailed(
                    check,
                    TestStatus.Error,
                    $"the grader could not list the hidden tests (pytest exit status {HiddenTestIds.DescribeExit(collected.ExitCode)}): "
                    + $"tell your instructor",
                    collected.Output
                ),
            ];
        }

        // Plain asserts: a failure's message is the author's, never an expression rewritten from the hidden source. The
        // long traceback with locals goes only to the result's detail, for instructors.
        var ran = await GraderPytest
            .RunAsync(
                context,
                [.. CommonArguments(testFile, sandbox.HiddenRoot, "long"), "-l", "--assert=plain", "--junitxml", report],
                check.Timeout,
                cancel
            )
            .ConfigureAwait(false);
        return Results(check, expected, family: false, report, ran.TimedOut, ran.ExitCode, ran.Output);
    }

    private static async Task<IReadOnlyList<TestResult>> RunWhiteBoxAsync(
        PytestCheck check,
        CheckContext context,
        string run,
        CancellationToken cancel
    )
    {
        var sandbox = context.Sandbox;
        // What the learner's process must report, from the grader's copy, parsed and never imported.
        var listed = await ListTestsAsync(context, Path.Combine(sandbox.HiddenRoot, check.TestFile), cancel).ConfigureAwait(false);
        if (listed.Count == 0)
        {
            return
            [
                PytestScoring.CheckFailed(
                    check,
                    TestStatus.Error,
                    "the grader could not list the white-box tests: tell your instructor",
                    null
                ),
            ];
        }

        // The learner's process must read this test, so it gets a copy of its own (white-box tests are not secret).
        var folder = Path.Combine(sandbox.Root, $"whitebox-{run}");
        Directory.CreateDirectory(folder);
        File.Copy(Path.Combine(sandbox.HiddenRoot, check.TestFile), Path.Combine(folder, Path.GetFileName(check.TestFile)));
        File.WriteAllText(Path.Combine(folder, "pytest.ini"), "[pytest]\n");
        await sandbox.GiveToLearnerAsync(folder, cancel).ConfigureAwait(false);

        var report = Path.Combine(folder, "junit.xml");
        var arguments = CommonArguments(Path.Combine(folder, Path.GetFileName(check.TestFile)), folder, "short")
            .Append("--junitxml")
            .Append(report);
        var command = string.Join(' ', new[] { context.Environment.Python, "-m", "pytest" }.Concat(arguments).Select(Shell.Quote));
        var variables = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["PYTHONPATH"] = context.LabDirectory,
            ["PYTEST_DISABLE_PLUGIN_AUTOLOAD"] = "1",
            ["CELERY_BROKER_URL"] = context.Environment.BrokerUrl,
            ["CELERY_RESULT_BACKEND"] = context.Environment.BackendUrl,
            [GradingEnvironment.SeedVariable] = context.SeedText,
        };
        var result = await sandbox.RunAsync(command, context.LabDirectory, null, check.Timeout, cancel, variables).ConfigureAwait(false);
        // The learner's user wrote the report: read it only if it is a plain file in that folder.
        var safeReport = LearnerSandbox.ResolveInside(folder, "junit.xml");
        var expected = HiddenTestIds.FromAstListing(string.Join('\n', listed), check.TestFile);
        return Results(
            check,
            expected,
            family: true,
            safeReport ?? Path.Combine(folder, "missing.xml"),
            result.TimedOut,
            result.ExitCode ?? -1,
            result.Stdout.Text + result.Stderr.Text
        );
    }

    /// <summary>The test functions of a file, parsed by the grader's Python (<see cref="HiddenTestIds.AstLister"/>).</summary>
    private static async Task<List<string>> ListTestsAsync(CheckContext context, string testFile, CancellationToken cancel)
    {
        var info = new System.Diagnostics.ProcessStartInfo(context.Environment.Python)
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var arg in new[] { "-I", "-c", HiddenTestIds.AstLister, testFile })
        {
            info.ArgumentList.Add(arg);
        }

        using var process = System.Diagnostics.Process.Start(info) ?? throw new InvalidOperationException("could not start python");
        var stdout = process.StandardOutput.ReadToEndAsync(cancel);
        _ = await process.StandardError.ReadToEndAsync(cancel).ConfigureAwait(false);
        await process.WaitForExitAsync(cancel).ConfigureAwait(false);
        var output = await stdout.ConfigureAwait(false);
        return process.ExitCode == 0 ? [.. output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)] : [];
    }

    /// <summary>Writes <c>coursebot_lab.py</c> (broker helpers for hidden tests) beside the tests.</summary>
    private static async Task WriteHelperAsync(string folder, CancellationToken cancel)
    {
        var target = Path.Combine(folder, HelperModule);
        if (File.Exists(target))
        {
            return;
        }

        await using var resource = typeof(PytestCheckRunner).Assembly.GetManifestResourceStream(HelperModule)
            ?? throw new InvalidOperationException(HelperModule + " is not embedded in the grader");
        await using var file = File.Create(target);
        await resource.CopyToAsync(file, cancel).ConfigureAwait(false);
    }

    private static IEnumerable<string> CommonArguments(string testFile, string rootDirectory, string traceback) =>
    [
        testFile,
        "-c", Path.Combine(rootDirectory, "pytest.ini"), "--rootdir", rootDirectory,
        "--noconftest", "-p", "no:cacheprovider",
        "-o", "junit_family=xunit1",
        "-q", "--tb=" + traceback, "--no-header",
    ];

    private static List<TestResult> Results(
        PytestCheck check,
        IReadOnlyList<string> expected,
        bool family,
        string report,
        bool timedOut,
        int exitCode,
        string output
    )
    {
        if (timedOut)
        {
            return
            [
                PytestScoring.CheckFailed(
                    check,
                    TestStatus.Timeout,
                    $"the hidden tests did not finish within {check.Timeout.TotalSeconds:0} s",
                    output
                ),
            ];
        }

        // 0: all passed, 1: some failed. Anything else (interrupted, internal error, usage, nothing collected) means the
        // session did not run as the grader asked, whatever its report says.
        if (exitCode is not (0 or 1))
        {
            return
            [
                PytestScoring.CheckFailed(
                    check,
                    TestStatus.Error,
                    $"the test session ended abnormally (pytest exit status {HiddenTestIds.DescribeExit(exitCode)}), so this "
                    + $"check scores 0",
                    output
                ),
            ];
        }

        List<JUnitCase> cases;
        try
        {
            using var stream = File.OpenRead(report);
            cases = JUnitReader.Read(stream);
        }
        catch (Exception ex) when (ex is IOException or System.Xml.XmlException or UnauthorizedAccessException)
        {
            return [PytestScoring.CheckFailed(check, TestStatus.Error, "the hidden tests produced no report", output)];
        }

        return PytestScoring.Score(check, expected, family, cases);
    }
}
