using System.Text.Json.Serialization;

namespace CourseBot.Core.Journey.History;

/// <summary>A module's issue was opened as <see cref="Number"/>.</summary>
public sealed record ModuleIssueOpened(int? Number) : LearnerEventData
{
    [JsonIgnore]
    public override string Kind => LearnerEventKinds.GitHubIssue;
}
