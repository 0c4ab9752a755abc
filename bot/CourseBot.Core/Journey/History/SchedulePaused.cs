using System.Text.Json.Serialization;

namespace CourseBot.Core.Journey.History;

/// <summary>
/// <c>/pause</c> (<see cref="Paused"/> true) or <c>/resume</c> (false) on <see cref="On"/>: while paused nothing is
/// overdue; on resume every milestone due on or after the pause day moves by the days paused.
/// </summary>
public sealed record SchedulePaused(bool Paused, DateOnly? On, string? By, long? Comment) : LearnerEventData
{
    [JsonIgnore]
    public override string Kind => LearnerEventKinds.SchedulePaused;
}
