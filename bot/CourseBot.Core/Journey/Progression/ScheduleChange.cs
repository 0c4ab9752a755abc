using CourseBot.Core.Journey.History;
using CourseBot.Core.Storage;

namespace CourseBot.Core.Journey.Progression;

/// <summary>One recorded change to a learner's schedule (<c>/extend</c>, <c>/pace</c>, <c>/pause</c>, <c>/resume</c>).</summary>
public sealed record ScheduleChange(ScheduleChangeKind Kind, DateOnly On, string? Module = null, int Days = 0, string? Pace = null)
{
    /// <summary>The schedule changes in a learner's history, in the order they were recorded.</summary>
    public static IReadOnlyList<ScheduleChange> From(IReadOnlyList<LearnerEvent> events) => From(DecodedEvent.Of(events));

    /// <summary>The same, from entries already decoded (a ledger's), so no entry is parsed twice.</summary>
    public static IReadOnlyList<ScheduleChange> From(IReadOnlyList<DecodedEvent> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        var changes = new List<ScheduleChange>();
        foreach (var entry in events.OrderBy(e => e.Sequence))
        {
            var day = DateOnly.FromDateTime(entry.At.UtcDateTime);
            ScheduleChange? change = entry.Data switch
            {
                ScheduleExtended { Days: > 0 } extended => new(ScheduleChangeKind.Extend, day, entry.Subject, extended.Days),
                PaceChanged { Pace: { } pace } changed => new(ScheduleChangeKind.Pace, changed.From ?? day, Pace: pace),
                SchedulePaused paused => new(paused.Paused ? ScheduleChangeKind.Pause : ScheduleChangeKind.Resume, paused.On ?? day),
                _ => null,
            };
            if (change is not null)
            {
                changes.Add(change);
            }
        }

        return changes;
    }
}
