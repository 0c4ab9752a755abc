namespace CourseBot.Core.Journey;

/// <summary>What <see cref="RegradeQueuing.QueueAsync"/> found: learners read, queued now, reached before by this version, and without
/// the lab open.</summary>
public sealed record RegradeReport(int Learners, int Queued, int AlreadyDone, int NotOpen);
