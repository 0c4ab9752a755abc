using CourseBot.Core.Journey.Progression;
using CourseBot.Core.Journey.Sync;

namespace CourseBot.Core.Journey;

/// <summary>
/// What the daily deadline pass has to do for one learner, from the record alone: whether the README's overdue marks
/// changed since the bot last committed it (an idle learner's too: nothing else would rewrite it), and which module
/// issues are owed a reminder. Days are UTC days.
/// </summary>
public static class DeadlineCheck
{
    /// <summary>The modules overdue today are not the ones overdue on the day the README was last committed.</summary>
    public static bool ReadmeStale(LearnerLedger ledger, LearnerProgress progress, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        ArgumentNullException.ThrowIfNull(progress);
        if (ledger.FilesCommittedAt is not { } at)
        {
            return false; // the first commit is setup's work
        }

        var then = DateOnly.FromDateTime(at.UtcDateTime);
        var before = progress.Overdue(then).Select(m => m.Module.Id);
        var now = progress.Overdue(today).Select(m => m.Module.Id);
        return !before.SequenceEqual(now, StringComparer.Ordinal);
    }

    /// <summary>The reminders owed today: one per overdue module with an issue that crossed a threshold not recorded for it.</summary>
    public static IReadOnlyList<DueReminder> Owed(
        LearnerLedger ledger,
        LearnerProgress progress,
        DateOnly today,
        IReadOnlyList<int> thresholds
    )
    {
        ArgumentNullException.ThrowIfNull(ledger);
        ArgumentNullException.ThrowIfNull(progress);
        ArgumentNullException.ThrowIfNull(thresholds);
        var owed = new List<DueReminder>();
        foreach (var module in progress.Overdue(today).Where(m => ledger.ModuleIssues.ContainsKey(m.Module.Id)))
        {
            var days = progress.DaysOverdue(module, today);
            var crossed = thresholds.Where(t => t <= days && !ledger.Reminders.Contains(Key(module.Module.Id, t))).ToList();
            if (crossed.Count > 0)
            {
                owed.Add(new DueReminder(module, days, crossed));
            }
        }

        return owed;
    }

    /// <summary>The subject a reminder is recorded under.</summary>
    public static string Key(string moduleId, int threshold) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{moduleId}:{threshold}");
}
