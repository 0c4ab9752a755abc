using System.Collections.Immutable;
using System.Globalization;
using CourseBot.Core.Curriculum.Model;

namespace CourseBot.Core.Journey.Progression;

/// <summary>
/// Due dates from the learner's pace. A pace with the seed's monthly schedule (part-time) uses it,
/// shifted so a learner who starts at a later path starts at that path's month; a pace with hours per
/// week (full-time) places each module by the study hours before it; a pace with only a maximum
/// length (flexible) spreads the modules evenly over it, one milestone per month.
/// </summary>
public static class PaceSchedule
{
    public static ImmutableArray<Milestone> Build(Course course, Enrollment enrollment, IReadOnlyList<LearningPath> studied)
    {
        ArgumentNullException.ThrowIfNull(course);
        ArgumentNullException.ThrowIfNull(enrollment);
        ArgumentNullException.ThrowIfNull(studied);
        var modules = studied.SelectMany(p => p.AllModules).Select(course.FindModule).OfType<Module>().ToList();
        if (modules.Count == 0 || course.Paces.FirstOrDefault(p => p.Id == enrollment.PaceId) is not { } pace)
        {
            return [];
        }

        if (!pace.Milestones.IsEmpty)
        {
            return Monthly(pace, enrollment.Start, modules);
        }

        if (pace.HoursPerWeek is { } hours)
        {
            return Weekly(enrollment.Start, modules, (hours.Min + hours.Max) / 2.0);
        }

        return Spread(enrollment.Start, modules, pace.MaxMonths ?? 12);
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
