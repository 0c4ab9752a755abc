namespace CourseBot.Grading.Reporting;

/// <summary>The grader's verdict on one lab (the schema is <c>action/result.schema.json</c>).</summary>
public sealed record GradeResult(
    int Version,
    string Lab,
    string? Sha,
    string Status,
    double Score,
    double MaxScore,
    bool Passed,
    bool Isolated,
    IReadOnlyList<string> Notes,
    IReadOnlyList<TestResult> Tests)
{
    public const int CurrentVersion = 1;
}
