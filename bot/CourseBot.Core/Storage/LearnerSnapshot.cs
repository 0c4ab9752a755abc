namespace CourseBot.Core.Storage;

/// <summary>A view of a repository's history derived from its events up to and including <see cref="Through"/>.</summary>
public sealed record LearnerSnapshot(string Repository, long Through, string Data);
