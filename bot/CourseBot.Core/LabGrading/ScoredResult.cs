namespace CourseBot.Core.LabGrading;

/// <summary>The bot's own verdict on a result: points, maximum and pass from the lab's checks.</summary>
public sealed record ScoredResult(double Score, int MaxScore, bool Passed, IReadOnlyList<ScoredCheck> Checks);
