using System.Collections.Frozen;
using System.Globalization;
using System.Security.Cryptography;
using CourseBot.Grading.Checks;
using CourseBot.Grading.Labs;
using CourseBot.Grading.Reporting;
using CourseBot.Grading.Sandbox;

namespace CourseBot.Grading;

/// <summary>
/// Grades one lab: copies the learner's workspace into a sandbox, brings the hidden material in
/// where only the grader can read it, runs the lab's setup and checks, and adds up the score.
/// </summary>
public sealed class Grader
{
    private readonly SandboxOptions _options;
    private readonly GradingEnvironment _environment;
    private readonly FrozenDictionary<Type, ICheckRunner> _runners;

    public Grader(SandboxOptions options, GradingEnvironment environment)
    {
        _options = options;
        _environment = environment;
        _runners = new Dictionary<Type, ICheckRunner>
        {
            [typeof(CommandCheck)] = new CommandCheckRunner(),
            [typeof(FileCheck)] = new FileCheckRunner(),
            [typeof(PytestCheck)] = new PytestCheckRunner(),
        }.ToFrozenDictionary();
    }

    public async Task<GradeResult> GradeAsync(LabDefinition lab, string workspace, string? sha, CancellationToken cancel)
    {
        ArgumentNullException.ThrowIfNull(lab);
        // Each lab starts on empty Redis databases: no queue, result or key of a lab graded before it.
        var unflushed = await RedisDatabases.FlushAsync([_environment.BrokerUrl, _environment.BackendUrl], cancel).ConfigureAwait(false);
        await using var sandbox = await LearnerSandbox.CreateAsync(workspace, _options, cancel).ConfigureAwait(false);
        if (Directory.Exists(lab.HiddenDirectory))
        {
            LearnerSandbox.CopyTree(lab.HiddenDirectory, sandbox.HiddenRoot);
        }

        var notes = new List<string>(sandbox.Notes);
        if (unflushed is not null && !lab.Workers.IsEmpty)
        {
            notes.Add($"The grader {unflushed}; an earlier lab's messages may remain.");
        }

        // Drawn per lab unless fixed to reproduce a run; reported so an instructor can rerun with the same inputs.
        var seed = _environment.Seed ?? RandomNumberGenerator.GetInt32(int.MaxValue);
        notes.Add(
            string.Create(
                CultureInfo.InvariantCulture,
                $"Checks ran with {GradingEnvironment.SeedVariable}={seed} (randomised inputs; reproduce with this seed)."
            )
        );
        var labDirectory = Path.Combine(sandbox.WorkRoot, lab.WorkDirectory);
        var tests = new List<TestResult>();
        if (!Directory.Exists(labDirectory))
        {
            notes.Add($"The folder `{lab.WorkDirectory}` is not in your repository: the lab's starter code lives there.");
            tests.AddRange(
                lab.Checks.Select(c => new TestResult(
                    c.Name,
                    c.Kind,
                    TestStatus.Error,
                    0,
                    c.Points,
                    $"`{lab.WorkDirectory}` not found",
                    null,
                    null,
                    null,
                    0,
                    c.Hint
                ))
            );
            return Summarize(lab, sha, sandbox, notes, tests);
        }

        var context = new CheckContext(sandbox, lab, labDirectory, _options.Time, _environment) { Seed = seed };
        if (lab.Setup is { } setup)
        {
            var prepared = await sandbox
                .RunAsync(setup.Run, labDirectory, null, setup.Timeout, cancel, context.LearnerEnvironment)
                .ConfigureAwait(false);
            if (prepared.TimedOut || prepared.ExitCode != 0)
            {
                notes.Add(
                    $"Setup `{setup.Run}` {(prepared.TimedOut ? "did not finish in time" : $"failed with exit code {prepared.ExitCode}")}; "
                    + $"checks ran anyway."
                );
            }
        }

        var workers = new List<CeleryWorker.Started>();
        if (lab.Checks.OfType<PytestCheck>().Any(c => !c.WhiteBox))
        {
            foreach (var spec in lab.Workers)
            {
                var worker = await CeleryWorker.StartAsync(context, spec, cancel).ConfigureAwait(false);
                workers.Add(worker);
                if (worker.Failure is { } failure)
                {
                    context = context with { WorkerFailure = lab.Workers.Length == 1 ? failure : $"worker '{spec.Name}': {failure}" };
                    break;
                }

                notes.Add(
                    string.Create(
                        System.Globalization.CultureInfo.InvariantCulture,
                        $"Your worker{(lab.Workers.Length == 1 ? "" : $" '{spec.Name}'")} was ready "
                        + $"{worker.ReadyAfter.TotalMilliseconds:0} ms after it started."
                    )
                );
            }
        }

        foreach (var check in lab.Checks)
        {
            if (_runners.TryGetValue(check.GetType(), out var runner))
            {
                tests.AddRange(await runner.RunAsync(check, context, cancel).ConfigureAwait(false));
            }
            else
            {
                tests.Add(
                    new TestResult(
                        check.Name,
                        check.Kind,
                        TestStatus.Error,
                        0,
                        check.Points,
                        $"this grader cannot run {check.Kind} checks yet",
                        null,
                        null,
                        null,
                        0
                    )
                );
            }
        }

        foreach (var worker in workers)
        {
            worker.Process?.Dispose();
        }

        return Summarize(lab, sha, sandbox, notes, tests);
    }

    private static GradeResult Summarize(LabDefinition lab, string? sha, LearnerSandbox sandbox, List<string> notes, List<TestResult> tests)
    {
        var score = Math.Round(tests.Sum(t => t.Score), 2);
        var max = Math.Round(tests.Sum(t => t.MaxScore), 2);
        var passed = max > 0 ? score * 100 >= lab.PassPercent * max : tests.All(t => t.Status == TestStatus.Passed);
        return new GradeResult(
            GradeResult.CurrentVersion,
            lab.Key,
            sha,
            passed ? "passed" : "failed",
            score,
            max,
            passed,
            sandbox.Identity.Switched,
            notes,
            tests
        );
    }
}
