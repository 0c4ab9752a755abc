using System.Text.Json.Serialization;

namespace CourseBot.Core.Journey.History;

/// <summary>
/// <c>/pace</c>: from <see cref="From"/> on, the milestones not yet due are laid out again by <see cref="Pace"/>
/// (the milestones already past stay as they were). <see cref="By"/> and <see cref="Comment"/> say who asked, where.
/// </summary>
public sealed record PaceChanged(string? Pace, DateOnly? From, string? By, long? Comment) : LearnerEventData
{
    [JsonIgnore]
    public override string Kind => LearnerEventKinds.PaceChanged;
}
