namespace CourseBot.Core.Curriculum;

public sealed record ExamSummary(string Module, string Id, string Title, int Questions, int PassPercent);
