namespace CourseBot.Grading.Classroom;

internal sealed record ClassroomTest(
    string? Name,
    string? Setup,
    string? Run,
    string? Input,
    string? Output,
    string? Comparison,
    double? Timeout,
    int? Points
);
