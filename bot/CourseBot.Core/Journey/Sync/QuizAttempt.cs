namespace CourseBot.Core.Journey.Sync;

/// <summary>A started quiz attempt.</summary>
public sealed record QuizAttempt(string Key, DateTimeOffset Started, DateTimeOffset Deadline, long Sequence, long? Comment);
