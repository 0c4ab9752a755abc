using System.Text.Json.Serialization;

namespace CourseBot.Core.Journey.History;

/// <summary>A module's issue was written; <see cref="Hash"/> of what was written, so an unchanged issue is not written again.</summary>
public sealed record ModuleIssueWritten(string? Hash) : LearnerEventData
{
    [JsonIgnore]
    public override string Kind => LearnerEventKinds.GitHubIssueState;
}
