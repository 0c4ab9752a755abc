using System.Collections.Immutable;
using CourseBot.Core.Curriculum.Model;

namespace CourseBot.Core.Journey.Progression;

/// <summary>Everything derived from a learner's history; rebuilt from events whenever needed.</summary>
public sealed record LearnerProgress(
    Enrollment Enrollment,
    ImmutableArray<ModuleProgress> Modules,
    ImmutableArray<PathProgress> Paths,
    ImmutableArray<EarnedCertificate> Certificates,
    ImmutableArray<Milestone> Milestones)
{
    /// <summary>The highest competency level reached (its path complete, or placed past); null before the first.</summary>
    public Competency? Competency { get; init; }

    /// <summary>The next certification level above Completion and what it still takes; null once every level is earned.</summary>
    public NextCertificate? Next { get; init; }

    /// <summary>Paths before the enrolled one, credited by the learner's placement (path id -> when they were placed).</summary>
    public IReadOnlyDictionary<string, DateTimeOffset> PlacedPaths { get; init; } = new Dictionary<string, DateTimeOffset>();

    public ModuleProgress? Module(string id) => Modules.FirstOrDefault(m => m.Module.Id == id);

    /// <summary>The pace in force now: the enrolled one, or the last <c>/pace</c> change.</summary>
    public string PaceId { get; init; } = Enrollment.PaceId;

    /// <summary>The day the learner's schedule was paused, while it is (nothing is overdue then).</summary>
    public DateOnly? PausedSince { get; init; }

    /// <summary>
    /// How many days past its due date an unlocked, unpassed module is on <paramref name="today"/>: 0 when it is not
    /// overdue or the schedule is paused. The README's mark, the reminders and the cohort views all count it here.
    /// </summary>
    public int DaysOverdue(ModuleProgress module, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(module);
        return PausedSince is null && module.State is ModuleState.Open or ModuleState.InProgress && module.Due is { } due
            ? Math.Max(0, today.DayNumber - due.DueOn.DayNumber)
            : 0;
    }

    /// <summary>The modules overdue on <paramref name="today"/>, in study order.</summary>
    public IEnumerable<ModuleProgress> Overdue(DateOnly today) => Modules.Where(m => DaysOverdue(m, today) > 0);

    /// <summary>The learner's modules in study order: the enrolled path first, then the paths after it.</summary>
    public IEnumerable<ModuleProgress> InStudyOrder => Modules;

    /// <summary>The path the learner enrolled in, while it waits for their placement (its prerequisites are not done here).</summary>
    public LearningPath? PendingPlacement => Paths.FirstOrDefault(p => p.Path.Id == Enrollment.PathId && !p.Unlocked)?.Path;

    /// <summary>The first unlocked module not yet passed, in study order.</summary>
    public ModuleProgress? Current => Modules.FirstOrDefault(m => m.State is ModuleState.Open or ModuleState.InProgress);
}
