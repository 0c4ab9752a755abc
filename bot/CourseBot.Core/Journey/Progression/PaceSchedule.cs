using System.Collections.Immutable;
using System.Globalization;
using CourseBot.Core.Curriculum.Model;

namespace CourseBot.Core.Journey.Progression;

/// <summary>
/// Due dates from the learner's pace. A pace with the seed's monthly schedule (part-time) uses it,
/// shifted so a learner who starts at a later path starts at that path's month; a pace with hours per
/// week (full-time) places each module by the study hours before it; a pace with only a maximum
/// length (flexible) spreads the modules evenly over it, one milestone per month.
/// Then the recorded changes apply, in order (<see cref="ScheduleChange"/>): an extension moves a milestone and
/// those after it; a pace change lays the modules not passed by its day out again from that day; a pause that
/// ended moves the milestones due from its first day by its length. This is the one place due dates come from:
/// the README, the module issues, the reminders and the cohort views all read them here.
/// </summary>
public static class PaceSchedule
{
    /// <summary>
    /// The suffix of the titles a pace change lays out: the new layout's rows may share a name with a milestone kept from
    /// before (another set of modules), so its GitHub milestones (found by title) are new ones. An extension or a pause
    /// keeps each title and moves its date: the bot updates that milestone's due date in place.
    /// </summary>
    private const string MovedMark = " · due ";

    /// <param name="course">The course.</param>
    /// <param name="enrollment">The learner's enrollment (pace and start).</param>
    /// <param name="studied">The paths the learner studies, in order.</param>
    /// <param name="changes">The learner's recorded schedule changes (<c>ScheduleChange.From</c>).</param>
    /// <param name="passed">When each passed module was passed (a pace change keeps the milestones passed before it).</param>
    public static LearnerSchedule Build(
        Course course, Enrollment enrollment, IReadOnlyList<LearningPath> studied,
        IReadOnlyList<ScheduleChange> changes, IReadOnlyDictionary<string, DateTimeOffset> passed)
    {
        ArgumentNullException.ThrowIfNull(course);
        ArgumentNullException.ThrowIfNull(enrollment);
        ArgumentNullException.ThrowIfNull(studied);
        ArgumentNullException.ThrowIfNull(changes);
        ArgumentNullException.ThrowIfNull(passed);
        var modules = studied.SelectMany(p => p.AllModules).Select(course.FindModule).OfType<Module>().ToList();
        var milestones = Layout(course, enrollment.PaceId, enrollment.Start, modules);
        var pace = enrollment.PaceId;
        DateOnly? pausedSince = null;
        foreach (var change in changes)
        {
            switch (change.Kind)
            {
                case ScheduleChangeKind.Extend:
                    var from = milestones.FindIndex(m => m.Modules.Contains(change.Module ?? ""));
                    milestones = from < 0 ? milestones : Shift(milestones, (m, i) => i >= from, change.Days);
                    break;
                case ScheduleChangeKind.Pace when course.Paces.Any(p => p.Id == change.Pace):
                    milestones = Repace(course, milestones, modules, change, passed);
                    pace = change.Pace!;
                    break;
                case ScheduleChangeKind.Pause:
                    pausedSince ??= change.On;
                    break;
                case ScheduleChangeKind.Resume when pausedSince is { } since:
                    var days = change.On.DayNumber - since.DayNumber;
                    milestones = days <= 0 ? milestones : Shift(milestones, (m, i) => m.DueOn >= since, days);
                    pausedSince = null;
                    break;
            }
        }

        return new LearnerSchedule([.. milestones], pace, pausedSince);
    }

    private static List<Milestone> Layout(Course course, string paceId, DateOnly start, List<Module> modules)
    {
        if (modules.Count == 0 || course.Paces.FirstOrDefault(p => p.Id == paceId) is not { } pace)
        {
            return [];
        }

        if (!pace.Milestones.IsEmpty)
        {
            return [.. Monthly(pace, start, modules)];
        }

        if (pace.HoursPerWeek is { } hours)
        {
            return [.. Weekly(start, modules, (hours.Min + hours.Max) / 2.0)];
        }

        return [.. Spread(start, modules, pace.MaxMonths ?? 12)];
    }

    /// <summary>Milestones whose modules were all passed before the change stay; the other modules are laid out from its day.</summary>
    private static List<Milestone> Repace(
        Course course,
        List<Milestone> milestones,
        List<Module> modules,
        ScheduleChange change,
        IReadOnlyDictionary<string, DateTimeOffset> passed
    )
    {
        bool Done(string id) => passed.TryGetValue(id, out var at) && DateOnly.FromDateTime(at.UtcDateTime) <= change.On;
        var kept = milestones.Where(m => m.Modules.All(Done)).ToList();
        var rest = modules.Where(m => !kept.Any(k => k.Modules.Contains(m.Id))).ToList();
        var laid = Layout(course, change.Pace!, change.On, rest).Select(m => m with { Title = Titled(m.Title, m.DueOn) });
        return [.. kept, .. laid];
    }

    private static List<Milestone> Shift(List<Milestone> milestones, Func<Milestone, int, bool> moves, int days) =>
        [
            .. milestones.Select(
                (m, i) => moves(m, i) ? m with { DueOn = m.DueOn.AddDays(days) } : m
            ),
        ];

    private static string Titled(string title, DateOnly due)
    {
        var plain = title.IndexOf(MovedMark, StringComparison.Ordinal) is >= 0 and var at ? title[..at] : title;
        return string.Create(CultureInfo.InvariantCulture, $"{plain}{MovedMark}{due:yyyy-MM-dd}");
    }

    private static ImmutableArray<Milestone> Monthly(Pace pace, DateOnly start, List<Module> modules)
    {
        var first = modules.Min(m => m.Number);
        var offset = pace.Milestones.FirstOrDefault(m => m.Modules.Contains(first))?.Months.Min - 1 ?? 0;
        var result = new List<Milestone>();
        foreach (var row in pace.Milestones)
        {
            var covered = modules.Where(m => row.Modules.Contains(m.Number)).Select(m => m.Id).ToImmutableArray();
            if (covered.IsEmpty)
            {
                continue;
            }

            var months = row.Months.Min == row.Months.Max
                ? string.Create(CultureInfo.InvariantCulture, $"Month {row.Months.Min - offset}")
                : string.Create(CultureInfo.InvariantCulture, $"Months {row.Months.Min - offset}-{row.Months.Max - offset}");
            result.Add(new Milestone($"{months}: modules {Range(modules, covered)}", start.AddMonths(row.Months.Max - offset), covered));
        }

        return [.. result];
    }

    private static ImmutableArray<Milestone> Weekly(DateOnly start, List<Module> modules, double hoursPerWeek)
    {
        var hours = 0.0;
        var byWeek = new SortedDictionary<int, List<Module>>();
        foreach (var module in modules)
        {
            hours += (module.Hours.Min + module.Hours.Max) / 2.0;
            var week = Math.Max(1, (int)Math.Ceiling(hours / hoursPerWeek));
            if (!byWeek.TryGetValue(week, out var list))
            {
                byWeek[week] = list = [];
            }

            list.Add(module);
        }

        return [.. byWeek.Select(w => new Milestone(
            string.Create(CultureInfo.InvariantCulture, $"Week {w.Key}: modules {Range(modules, w.Value.Select(m => m.Id))}"),
            start.AddDays(7 * w.Key), [.. w.Value.Select(m => m.Id)]))];
    }

    private static ImmutableArray<Milestone> Spread(DateOnly start, List<Module> modules, int months)
    {
        return [.. modules
            .Select((m, i) => (Module: m, Month: 1 + (i * months / modules.Count)))
            .GroupBy(x => x.Month)
            .Select(g => new Milestone(
                string.Create(CultureInfo.InvariantCulture, $"Month {g.Key}: modules {Range(modules, g.Select(x => x.Module.Id))}"),
                start.AddMonths(g.Key), [.. g.Select(x => x.Module.Id)]))];
    }

    private static string Range(List<Module> modules, IEnumerable<string> ids)
    {
        var numbers = modules.Where(m => ids.Contains(m.Id)).Select(m => m.Number).ToList();
        return numbers.Min() == numbers.Max()
            ? numbers.Min().ToString(CultureInfo.InvariantCulture)
            : string.Create(CultureInfo.InvariantCulture, $"{numbers.Min()}-{numbers.Max()}");
    }
}
