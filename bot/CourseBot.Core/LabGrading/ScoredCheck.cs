namespace CourseBot.Core.LabGrading;

/// <summary>A check's points as the bot counts them.</summary>
public sealed record ScoredCheck(string Name, string Kind, int Points, double Score, bool Passed);
