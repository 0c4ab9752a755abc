using System.Globalization;
using System.Text.RegularExpressions;
using CourseBot.Grading.Labs;
using CourseBot.Grading.Reporting;

namespace CourseBot.Grading.Checks;

/// <summary>Runs a command as the learner user (after its own setup) and compares what it printed.</summary>
public sealed class CommandCheckRunner : ICheckRunner
{
    public async Task<IReadOnlyList<TestResult>> RunAsync(CheckDefinition definition, CheckContext context, CancellationToken cancel)
    {
        var check = (CommandCheck)definition;
        var started = context.Time.GetTimestamp();
        if (check.Setup is { } setup)
        {
            var prepared = await context
                .Sandbox.RunAsync(setup, context.LabDirectory, null, check.Timeout, cancel, context.CheckEnvironment)
                .ConfigureAwait(false);
            if (prepared.TimedOut || prepared.ExitCode != 0)
            {
                return
                [
                    Result(
                        check,
                        TestStatus.Error,
                        $"setup `{setup}` {(prepared.TimedOut ? "did not finish in time" : $"exited with code {prepared.ExitCode}")}",
                        prepared.Stdout.Text + prepared.Stderr.Text,
                        context,
                        started
                    ),
                ];
            }
        }

        var run = await context
            .Sandbox.RunAsync(check.Run, context.LabDirectory, check.Input, check.Timeout, cancel, context.CheckEnvironment)
            .ConfigureAwait(false);
        var output = Combine(run.Stdout.Text, run.Stderr.Text);
        if (run.TimedOut)
        {
            return
            [
                Result(
                    check,
                    TestStatus.Timeout,
                    string.Create(
                        CultureInfo.InvariantCulture,
                        $"`{check.Run}` did not finish within {check.Timeout.TotalSeconds:0} s and was stopped"
                    ),
                    output,
                    context,
                    started
                ),
            ];
        }

        var actual = Normalize(run.Stdout.Text);
        var (matched, expectation) = Compare(check, actual);
        if (run.ExitCode != 0)
        {
            return
            [
                Result(
                    check,
                    TestStatus.Failed,
                    $"`{check.Run}` exited with code "
                    + $"{run.ExitCode}{(check.Comparison == OutputComparison.ExitCode ? "" : $" (expected 0 and {expectation})")}",
                    output,
                    context,
                    started
                ),
            ];
        }

        return matched
            ? [Result(check, TestStatus.Passed, null, null, context, started)]
            : [Result(check, TestStatus.Failed, $"expected {expectation}", output, context, started)];
    }

    /// <summary>Line endings normalised and surrounding whitespace trimmed, as GitHub Classroom compared.</summary>
    internal static string Normalize(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal).Trim();

    private static (bool Matched, string Expectation) Compare(CommandCheck check, string actual)
    {
        var expected = Normalize(check.ExpectedOutput ?? "");
        return check.Comparison switch
        {
            OutputComparison.Exact => (actual == expected, $"the output to be exactly `{Shorten(expected)}`"),
            OutputComparison.Contains => (
                actual.Contains(expected, StringComparison.Ordinal),
                $"the output to contain `{Shorten(expected)}`"
            ),
            OutputComparison.Regex => (
                Regex.IsMatch(actual, check.ExpectedOutput ?? "", RegexOptions.Multiline, TimeSpan.FromSeconds(2)),
                $"the output to match /{Shorten(check.ExpectedOutput ?? "")}/"
            ),
            _ => (true, "exit code 0"),
        };
    }

    private static string Shorten(string text) => text.Length <= 200 ? text : text[..200] + "...";

    private static string Combine(string stdout, string stderr) =>
        stderr.Length == 0 ? stdout : stdout.Length == 0 ? stderr : stdout + "\n--- stderr ---\n" + stderr;

    private static TestResult Result(
        CommandCheck check,
        string status,
        string? message,
        string? output,
        CheckContext context,
        long started
    ) =>
        new(
            check.Name,
            check.Kind,
            status,
            status == TestStatus.Passed ? check.Points : 0,
            check.Points,
            message,
            string.IsNullOrEmpty(output) ? null : output,
            null,
            null,
            (long)context.Time.GetElapsedTime(started).TotalMilliseconds,
            status == TestStatus.Passed ? null : check.Hint
        );
}
