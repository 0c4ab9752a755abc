namespace CourseBot.Grading.Checks;

/// <summary>One <c>testcase</c> of a JUnit XML report (pytest's <c>xunit1</c> family carries file and line).</summary>
public sealed record JUnitCase(
    string Name,
    string ClassName,
    string? File,
    int? Line,
    double Seconds,
    JUnitOutcome Outcome,
    string? Message,
    string? Details
);
