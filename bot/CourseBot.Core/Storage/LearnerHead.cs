namespace CourseBot.Core.Storage;

/// <summary>A repository's last event (<see cref="Last"/>) and its current snapshot, if one is stored.</summary>
public sealed record LearnerHead(string Repository, long Last, string? Snapshot);
