using CourseBot.Grading.Labs;
using CourseBot.Grading.Reporting;

namespace CourseBot.Grading.Checks;

/// <summary>
/// Turns a JUnit report into results against the tests the grader expected: points are shared over the
/// expected tests, a test the report leaves out fails, and a case the grader did not expect earns nothing.
/// Black-box failures show the test's name and its author's assertion message only; the traceback (hidden
/// source lines) goes to <see cref="TestResult.Detail"/>, for instructors.
/// </summary>
internal static class PytestScoring
{
    private const int MaxMessage = 1_000;

    public const string NotRun = "this test did not run: the test session ended before it";

    /// <param name="check">The check whose points are shared.</param>
    /// <param name="expected">JUnit keys (<see cref="HiddenTestIds.Key(string)"/>) the report must hold.</param>
    /// <param name="family">Match parametrized cases to their function's key (white-box tests are only parsed, not collected).</param>
    /// <param name="cases">The report's cases; only the expected ones count.</param>
    public static List<TestResult> Score(PytestCheck check, IReadOnlyList<string> expected, bool family, IReadOnlyList<JUnitCase> cases)
    {
        var units = new List<(string Name, JUnitCase? Case)>();
        foreach (var key in expected)
        {
            var matched = cases.Where(c => HiddenTestIds.Key(c, family) == key).ToList();
            if (matched.Count == 0)
            {
                units.Add((HiddenTestIds.NameOf(key), null));
            }
            else
            {
                units.AddRange((family ? matched : matched.Take(1)).Select(c => (c.Name, (JUnitCase?)c)));
            }
        }

        var share = Math.Round((double)check.Points / units.Count, 4);
        return units.Select(u => u.Case is { } c ? FromCase(check, c, share) : Missing(check, u.Name, share)).ToList();
    }

    /// <summary>The whole check failed (no report, a timeout, an abnormal exit): 0 points, pytest's output for instructors.</summary>
    public static TestResult CheckFailed(PytestCheck check, string status, string message, string? output) =>
        new(
            check.Name,
            check.Kind,
            status,
            0,
            check.Points,
            message,
            check.WhiteBox ? TestResult.CapDetail(output) : null,
            null,
            null,
            0,
            check.Hint,
            check.WhiteBox ? null : TestResult.CapDetail(output)
        );

    private static TestResult FromCase(PytestCheck check, JUnitCase c, double share)
    {
        var passed = c.Outcome == JUnitOutcome.Passed;
        var status = c.Outcome switch
        {
            JUnitOutcome.Passed => TestStatus.Passed,
            JUnitOutcome.Error => TestStatus.Error,
            _ => TestStatus.Failed,
        };
        // White-box tests are the learner's to read (a copy runs as their user); hidden tests are not.
        return new TestResult(
            $"{check.Name}: {Describe(c.Name)}", check.Kind, status, passed ? share : 0, share,
            passed ? null : AuthorMessage(c.Message),
            passed || !check.WhiteBox ? null : c.Details,
            null, null, (long)(c.Seconds * 1000),
            passed ? null : check.Hint,
            passed || check.WhiteBox ? null : TestResult.CapDetail(c.Details));
    }

    private static TestResult Missing(PytestCheck check, string name, double share) =>
        new($"{check.Name}: {Describe(name)}", check.Kind, TestStatus.Failed, 0, share, NotRun, null, null, null, 0, check.Hint);

    /// <summary>
    /// Black-box tests run with plain asserts, so the message is the author's own (<c>AssertionError: expected 5</c>)
    /// or the exception's one line, never a rewritten expression from the hidden source.
    /// </summary>
    private static string AuthorMessage(string? message) => message?.Trim() switch
    {
        null or "" => "failed",
        "AssertionError" => "the test's assertion failed",
        var text => text.Length > MaxMessage ? text[..MaxMessage] + "..." : text,
    };

    /// <summary><c>test_add_returns_sum</c> -> <c>add returns sum</c>: hidden test names are written to be read.</summary>
    private static string Describe(string testName) =>
        (testName.StartsWith("test_", StringComparison.Ordinal) ? testName[5..] : testName).Replace('_', ' ');
}
