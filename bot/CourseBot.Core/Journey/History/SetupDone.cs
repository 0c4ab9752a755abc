using System.Text.Json.Serialization;

namespace CourseBot.Core.Journey.History;

/// <summary>A one-time setup step done: the learner invited (<see cref="Login"/>), a milestone created (<see cref="Number"/>).</summary>
public sealed record SetupDone(string? Login = null, int? Number = null) : LearnerEventData
{
    [JsonIgnore]
    public override string Kind => LearnerEventKinds.GitHubSetup;
}
