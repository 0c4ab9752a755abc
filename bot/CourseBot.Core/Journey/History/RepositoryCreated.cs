using System.Text.Json.Serialization;

namespace CourseBot.Core.Journey.History;

/// <summary>
/// The learner's repository was generated. The ids pin grading to this repository: one deleted and
/// created again under the name is another.
/// </summary>
public sealed record RepositoryCreated(string? HtmlUrl, long? Id, long? OwnerId) : LearnerEventData
{
    [JsonIgnore]
    public override string Kind => LearnerEventKinds.GitHubRepository;
}
