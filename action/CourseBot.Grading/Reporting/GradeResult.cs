using System.Text.Json.Serialization;

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

/// <summary>One check (or one hidden test of a pytest check). <see cref="Kind"/> says white-box where learner code was imported.</summary>
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
    string? Hint = null);

public static class TestStatus
{
    public const string Passed = "passed";
    public const string Failed = "failed";
    public const string Timeout = "timeout";
    public const string Error = "error";
}

[JsonSourceGenerationOptions(WriteIndented = true, PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(GradeResult))]
public sealed partial class GradeResultJsonContext : JsonSerializerContext;
