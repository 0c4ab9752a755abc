using System.Text.Json.Serialization;

namespace CourseBot.Core.Journey.History;

/// <summary>A module's results comment (<see cref="Id"/>) was written; <see cref="Hash"/> of what was written.</summary>
public sealed record ResultsCommentWritten(long? Id, string? Hash) : LearnerEventData
{
    [JsonIgnore]
    public override string Kind => LearnerEventKinds.GitHubComment;
}
