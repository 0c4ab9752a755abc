using System.Text.Json.Serialization;

namespace CourseBot.Core.Journey.History;

/// <summary>
/// The progress files were committed: the commit and its tree (the branch head the bot knows; null when a write did not
/// tell it), the README as written and its blob, a hash of every file the bot writes, so an unchanged file is not written
/// again, and the git blob sha of the other files (null in histories written before files were ever removed).
/// </summary>
public sealed record FilesCommitted(
    string? Commit, string? Tree, string? ReadmeBlob, string? Readme, IReadOnlyDictionary<string, string>? Hashes,
    IReadOnlyDictionary<string, string>? Blobs = null) : LearnerEventData
{
    [JsonIgnore]
    public override string Kind => LearnerEventKinds.GitHubFiles;
}
