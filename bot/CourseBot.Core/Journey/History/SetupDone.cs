using System.Text.Json.Serialization;

namespace CourseBot.Core.Journey.History;

/// <summary>
/// A one-time setup step done: the learner invited (<see cref="Login"/>), a milestone created (<see cref="Number"/>),
/// the instructors <see cref="Team"/> given <see cref="Permission"/> on the repository.
/// </summary>
public sealed record SetupDone(string? Login = null, int? Number = null, string? Team = null, string? Permission = null) : LearnerEventData
{
    [JsonIgnore]
    public override string Kind => LearnerEventKinds.GitHubSetup;
}
