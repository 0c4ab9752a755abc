namespace CourseBot.Grading.Reporting;

/// <summary>
/// One check (or one hidden test of a pytest check). <see cref="Kind"/> says white-box where learner code was imported.
/// <see cref="Detail"/> holds what only instructors may read (a hidden test's traceback): it goes to the bot in the
/// result and is never printed to the log or the summary.
/// </summary>
public sealed record TestResult(
    string Name,
    string Kind,
    string Status,
    double Score,
    double MaxScore,
    string? Message,
    string? Output,
    string? File,
    int? Line,
    long DurationMs,
    string? Hint = null,
    string? Detail = null)
{
    /// <summary>The most characters of <see cref="Detail"/> sent (the schema's maxLength allows the marker too).</summary>
    public const int MaxDetail = 8_000;

    /// <summary><paramref name="text"/> cut to <see cref="MaxDetail"/> characters with a marker, or null when empty.</summary>
    public static string? CapDetail(string? text) =>
        string.IsNullOrEmpty(text) ? null : text.Length > MaxDetail ? text[..MaxDetail] + "\n[...]" : text;
}
