using System.Text.Json.Serialization;

namespace CourseBot.Core.Journey.History;

/// <summary>
/// A one-time setup step done: the learner invited (<see cref="Login"/>), a milestone created (<see cref="Number"/>),
/// the instructors <see cref="Team"/> given <see cref="Permission"/> on the repository. A milestone's entry also carries
/// the due date it was given (<see cref="DueOn"/>), recorded again when an extension or a pause moves it; entries written
/// before that have none.
/// </summary>
public sealed record SetupDone(
    string? Login = null, int? Number = null, string? Team = null, string? Permission = null, DateOnly? DueOn = null)
    : LearnerEventData
{
    [JsonIgnore]
    public override string Kind => LearnerEventKinds.GitHubSetup;
}
