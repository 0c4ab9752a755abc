namespace CourseBot.Core.Journey.Sync;

/// <summary>The files the bot last committed, and where the default branch stands as far as the bot knows.</summary>
public sealed record FilesState(string? ReadmeBlob, string? Readme, IReadOnlyDictionary<string, string> Hashes);
