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
    public ModuleProgress? Module(string id) => Modules.FirstOrDefault(m => m.Module.Id == id);

    /// <summary>The learner's modules in study order: the enrolled path first, then the paths after it.</summary>
    public IEnumerable<ModuleProgress> InStudyOrder => Modules;

    /// <summary>The path the learner enrolled in, while it waits for their placement (its prerequisites are not done here).</summary>
    public LearningPath? PendingPlacement => Paths.FirstOrDefault(p => p.Path.Id == Enrollment.PathId && !p.Unlocked)?.Path;

    /// <summary>The first unlocked module not yet passed, in study order.</summary>
    public ModuleProgress? Current => Modules.FirstOrDefault(m => m.State is ModuleState.Open or ModuleState.InProgress);
}
