using System.Text.Json.Serialization;

namespace CourseBot.Core.Journey.History;

/// <summary>
/// The progress files were committed: the commit and its tree (the branch head the bot knows), the README
/// as written and its blob, and a hash of every file the bot writes, so an unchanged file is not written again.
/// </summary>
public sealed record FilesCommitted(
    string? Commit, string? Tree, string? ReadmeBlob, string? Readme, IReadOnlyDictionary<string, string>? Hashes) : LearnerEventData
{
    [JsonIgnore]
    public override string Kind => LearnerEventKinds.GitHubFiles;
}
