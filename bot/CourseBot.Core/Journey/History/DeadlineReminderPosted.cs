using System.Text.Json.Serialization;

namespace CourseBot.Core.Journey.History;

/// <summary>
/// The reminder posted in a module's issue when it became <see cref="Threshold"/> days overdue (subject:
/// <c>module-id:threshold</c>); <see cref="DaysOverdue"/> and <see cref="DueOn"/> as they were then. Recorded once per
/// module and threshold, so a reconciler run again never posts it twice.
/// </summary>
public sealed record DeadlineReminderPosted(int Threshold, int DaysOverdue, DateOnly? DueOn, int? Issue) : LearnerEventData
{
    [JsonIgnore]
    public override string Kind => LearnerEventKinds.DeadlineReminder;
}
