namespace CourseBot.Core.Journey.Progression;

/// <summary>
/// A learner's enrollment: who, where their repository is, the path they start with, the pace that
/// sets their due dates, and the day they start. Recorded once as the first learner event.
/// </summary>
public sealed record Enrollment(string Login, string Repository, string PathId, string PaceId, DateOnly Start, string? Cohort);
