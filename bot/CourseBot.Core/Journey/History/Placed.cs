using System.Text.Json.Serialization;

namespace CourseBot.Core.Journey.History;

/// <summary>
/// The learner was placed into a path: by an instructor's <c>/place</c> (<see cref="Comment"/>) or by
/// passing the placement quiz (<see cref="Issue"/>, <see cref="Percent"/>; <see cref="By"/> is "placement quiz").
/// </summary>
public sealed record Placed(string? By, long? Comment, int? Issue, double? Percent) : LearnerEventData
{
    [JsonIgnore]
    public override string Kind => LearnerEventKinds.Placement;
}
