namespace CourseBot.Core.Journey.Sync;

/// <summary>
/// The files the bot last committed: the README and its blob, a content hash of every file, and the git blob sha of the
/// files other than the README where known (what removing one with the Contents API needs).
/// </summary>
public sealed record FilesState(
    string? ReadmeBlob, string? Readme, IReadOnlyDictionary<string, string> Hashes, IReadOnlyDictionary<string, string> Blobs);
