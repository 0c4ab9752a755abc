using System.Diagnostics;
using System.Globalization;
using CourseBot.Grading.Labs;
using CourseBot.Grading.Reporting;
using CourseBot.Grading.Sandbox;

namespace CourseBot.Grading.Checks;

/// <summary>
/// Runs a hidden pytest file and turns its JUnit report into one result per test, sharing the
/// check's points. <c>celery</c> tests run as the grader, in their own process, and reach the
/// learner's worker only through the broker; their report is written where only the grader can
/// write. <c>white-box</c> tests import learner code, so they run as the learner user and are
/// labelled as such.
/// </summary>
public sealed class PytestCheckRunner : ICheckRunner
{
    public const string HelperModule = "coursebot_lab.py";

    private int _runs;

    public async Task<IReadOnlyList<TestResult>> RunAsync(CheckDefinition definition, CheckContext context, CancellationToken cancel)
    {
        var check = (PytestCheck)definition;
        var run = Interlocked.Increment(ref _runs).ToString(CultureInfo.InvariantCulture);
        if (!check.WhiteBox && context.WorkerFailure is { } failure)
        {
            return [Failed(check, TestStatus.Error, failure, null)];
        }

        return check.WhiteBox
            ? await RunWhiteBoxAsync(check, context, run, cancel).ConfigureAwait(false)
            : await RunBlackBoxAsync(check, context, run, cancel).ConfigureAwait(false);
    }

    private static async Task<IReadOnlyList<TestResult>> RunBlackBoxAsync(PytestCheck check, CheckContext context, string run, CancellationToken cancel)
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

        var info = new ProcessStartInfo(context.Environment.Python) { UseShellExecute = false, WorkingDirectory = sandbox.HiddenRoot, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in PytestArguments(Path.Combine(sandbox.HiddenRoot, check.TestFile), sandbox.HiddenRoot, report))
        {
            info.ArgumentList.Add(arg);
        }

        // The grader's own process: never the learner's path, never a learner import.
        info.Environment.Clear();
        info.Environment["PATH"] = "/usr/bin:/bin";
        info.Environment["HOME"] = sandbox.ResultsRoot;
        info.Environment["PYTHONDONTWRITEBYTECODE"] = "1";
        info.Environment["PYTEST_DISABLE_PLUGIN_AUTOLOAD"] = "1";
        info.Environment["COURSEBOT_BROKER_URL"] = context.Environment.BrokerUrl;
        info.Environment["COURSEBOT_BACKEND_URL"] = context.Environment.BackendUrl;
        info.Environment["COURSEBOT_QUEUES"] = string.Join(',', context.Lab.Workers.SelectMany(w => w.Queues).Distinct());

        var started = context.Time.GetTimestamp();
        using var process = Process.Start(info) ?? throw new InvalidOperationException("could not start pytest");
        var stdout = process.StandardOutput.ReadToEndAsync(cancel);
        var stderr = process.StandardError.ReadToEndAsync(cancel);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancel);
        deadline.CancelAfter(check.Timeout);
        var timedOut = false;
        try
        {
            await process.WaitForExitAsync(deadline.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancel.IsCancellationRequested)
        {
            timedOut = true;
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(CancellationToken.None).ConfigureAwait(false);
        }

        var output = await stdout.ConfigureAwait(false) + await stderr.ConfigureAwait(false);
        return Results(check, report, timedOut, output, context.Time.GetElapsedTime(started));
    }

    private static async Task<IReadOnlyList<TestResult>> RunWhiteBoxAsync(PytestCheck check, CheckContext context, string run, CancellationToken cancel)
    {
        var sandbox = context.Sandbox;
        // The learner's process must read this test, so it gets a copy of its own (white-box tests are not secret).
        var folder = Path.Combine(sandbox.Root, $"whitebox-{run}");
        Directory.CreateDirectory(folder);
        File.Copy(Path.Combine(sandbox.HiddenRoot, check.TestFile), Path.Combine(folder, Path.GetFileName(check.TestFile)));
        File.WriteAllText(Path.Combine(folder, "pytest.ini"), "[pytest]\n");
        await sandbox.GiveToLearnerAsync(folder, cancel).ConfigureAwait(false);

        var report = Path.Combine(folder, "junit.xml");
        var command = string.Join(' ', new[] { context.Environment.Python }.Concat(PytestArguments(Path.Combine(folder, Path.GetFileName(check.TestFile)), folder, report)).Select(Shell.Quote));
        var variables = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["PYTHONPATH"] = context.LabDirectory,
            ["PYTEST_DISABLE_PLUGIN_AUTOLOAD"] = "1",
            ["CELERY_BROKER_URL"] = context.Environment.BrokerUrl,
            ["CELERY_RESULT_BACKEND"] = context.Environment.BackendUrl,
        };
        var result = await sandbox.RunAsync(command, context.LabDirectory, null, check.Timeout, cancel, variables).ConfigureAwait(false);
        // The learner's user wrote the report: read it only if it is a plain file in that folder.
        var safeReport = LearnerSandbox.ResolveInside(folder, "junit.xml");
        return Results(check, safeReport ?? Path.Combine(folder, "missing.xml"), result.TimedOut, result.Stdout.Text + result.Stderr.Text, result.Duration);
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

    private static IEnumerable<string> PytestArguments(string testFile, string rootDirectory, string report) =>
    [
        "-m", "pytest", testFile,
        "-c", Path.Combine(rootDirectory, "pytest.ini"), "--rootdir", rootDirectory,
        "--noconftest", "-p", "no:cacheprovider",
        "--junitxml", report, "-o", "junit_family=xunit1",
        "-q", "--tb=short", "--no-header",
    ];

    private static List<TestResult> Results(PytestCheck check, string report, bool timedOut, string output, TimeSpan duration)
    {
        if (timedOut)
        {
            return [Failed(check, TestStatus.Timeout, $"the hidden tests did not finish within {check.Timeout.TotalSeconds:0} s", output)];
        }

        List<JUnitCase> cases;
        try
        {
            using var stream = File.OpenRead(report);
            cases = JUnitReader.Read(stream);
        }
        catch (Exception ex) when (ex is IOException or System.Xml.XmlException or UnauthorizedAccessException)
        {
            return [Failed(check, TestStatus.Error, "the hidden tests produced no report", output)];
        }

        if (cases.Count == 0)
        {
            return [Failed(check, TestStatus.Error, "the hidden tests collected no test", output)];
        }

        var share = Math.Round((double)check.Points / cases.Count, 4);
        return cases.Select(c => new TestResult(
            $"{check.Name}: {Describe(c.Name)}",
            check.Kind,
            c.Outcome switch { JUnitOutcome.Passed => TestStatus.Passed, JUnitOutcome.Error => TestStatus.Error, _ => TestStatus.Failed },
            c.Outcome == JUnitOutcome.Passed ? share : 0,
            share,
            c.Outcome == JUnitOutcome.Passed ? null : FirstLine(c.Message) ?? "failed",
            c.Outcome == JUnitOutcome.Passed ? null : c.Details,
            null,
            null,
            (long)(c.Seconds * 1000),
            c.Outcome == JUnitOutcome.Passed ? null : check.Hint)).ToList();
    }

    /// <summary><c>test_add_returns_sum</c> -> <c>add returns sum</c>: hidden test names are written to be read.</summary>
    private static string Describe(string testName) => (testName.StartsWith("test_", StringComparison.Ordinal) ? testName[5..] : testName).Replace('_', ' ');

    private static string? FirstLine(string? text) => text?.Split('\n', 2)[0].Trim() is { Length: > 0 } line ? (line.Length > 300 ? line[..300] + "..." : line) : null;

    private static TestResult Failed(PytestCheck check, string status, string message, string? output) =>
        new(check.Name, check.Kind, status, 0, check.Points, message, string.IsNullOrEmpty(output) ? null : output, null, null, 0, check.Hint);

}
