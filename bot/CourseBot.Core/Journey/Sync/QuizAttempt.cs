namespace CourseBot.Core.Journey.Sync;

/// <summary>A started quiz attempt, with the key its form's option order follows from (null: authored order).</summary>
public sealed record QuizAttempt(
    string Key, DateTimeOffset Started, DateTimeOffset Deadline, long Sequence, long? Comment, string? Shuffle = null);
