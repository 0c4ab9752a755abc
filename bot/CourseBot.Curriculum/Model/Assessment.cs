namespace CourseBot.Core.Curriculum.Model;

public sealed record Assessment(
    string Id,
    AssessmentKind Kind,
    string Title,
    Grading Grading,
    int? Questions,
    int? TimeLimitMinutes,
    int? PassPercent,
    SourceLocation Location);
