using System.Text.Json.Serialization;

namespace CourseBot.Core.Journey.History;

/// <summary>
/// An instructor's <c>/extend</c>: the milestone holding the module named by the subject, and every milestone after it,
/// moved <see cref="Days"/> later. <see cref="By"/> and <see cref="Comment"/> say who asked, where.
/// </summary>
public sealed record ScheduleExtended(int Days, string? By, long? Comment) : LearnerEventData
{
    [JsonIgnore]
    public override string Kind => LearnerEventKinds.ScheduleExtended;
}
