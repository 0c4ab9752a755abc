using System.Collections.Immutable;
using CourseBot.Core.Curriculum.Model;

namespace CourseBot.Core.Journey.Progression;

/// <summary>Where a module stands for one learner.</summary>
public enum ModuleState
{
    /// <summary>A prerequisite module or path is not done yet.</summary>
    Locked,

    /// <summary>Unlocked, nothing recorded yet.</summary>
    Open,

    /// <summary>Unlocked, some work recorded, not every required assessment done.</summary>
    InProgress,

    /// <summary>Every required assessment done (the course's module passing rule).</summary>
    Passed,
}

/// <summary>
/// One assessment of one module for one learner. <see cref="Percent"/> is the best counted quiz
/// attempt; <see cref="Score"/>/<see cref="MaxScore"/> the best lab result; <see cref="Attempts"/>
/// counts counted quiz attempts or graded runs.
/// </summary>
public sealed record AssessmentProgress(
    Assessment Assessment,
    bool Required,
    bool Done,
    double? Percent,
    double? Score,
    double? MaxScore,
    int Attempts,
    DateTimeOffset? DoneAt)
{
    public string Id => Assessment.Id;

    /// <summary>The hidden tests' version that graded the lab run <see cref="Score"/> comes from (null before it was recorded).</summary>
    public string? HiddenVersion { get; init; }
}

/// <summary>One module for one learner, with its due date from the learner's pace.</summary>
public sealed record ModuleProgress(Module Module, ModuleState State, ImmutableArray<AssessmentProgress> Assessments, DateTimeOffset? PassedAt, Milestone? Due)
{
    public bool IsUnlocked => State != ModuleState.Locked;

    /// <summary>A capstone module's pull request review, as recorded; null for other modules.</summary>
    public Capstones.CapstoneStatus? Capstone { get; init; }

    /// <summary>The best quiz or exam percentage (the module's first quiz-graded assessment), if any was counted.</summary>
    public double? QuizPercent => Assessments.FirstOrDefault(a => a.Assessment.Grading == Grading.Quiz && a.Percent is not null)?.Percent;

    /// <summary>Best lab scores summed over the module's auto-graded assessments that have a result.</summary>
    public (double Score, double Max)? LabScore
    {
        get
        {
            var graded = Assessments.Where(a => a.Assessment.Grading == Grading.Auto && a.MaxScore is not null).ToList();
            return graded.Count == 0 ? null : (graded.Sum(a => a.Score ?? 0), graded.Sum(a => a.MaxScore ?? 0));
        }
    }

    /// <summary>
    /// The hidden-test versions that graded the lab results <see cref="LabScore"/> counts, space-separated (one per lab with
    /// a recorded version), or null when none was recorded.
    /// </summary>
    public string? LabHiddenVersions =>
        string.Join(' ', Assessments.Where(a => a.Assessment.Grading == Grading.Auto && a.MaxScore is not null)
            .Select(a => a.HiddenVersion).OfType<string>().Distinct(StringComparer.Ordinal)) is { Length: > 0 } versions ? versions : null;

    public AssessmentProgress? Find(string assessmentId) => Assessments.FirstOrDefault(a => a.Id == assessmentId);
}

/// <summary>A dated goal from the learner's pace: the modules to finish by <see cref="DueOn"/>.</summary>
public sealed record Milestone(string Title, DateOnly DueOn, ImmutableArray<string> Modules);

/// <summary>
/// One path for one learner: passed modules of it, and whether it is open and complete (its modules passed and the peer
/// reviews it asks for given: <see cref="PeerReviewsGiven"/> of <see cref="PeerReviewsRequired"/>).
/// </summary>
public sealed record PathProgress(LearningPath Path, int Passed, int Total, bool Unlocked, bool Complete, ImmutableArray<string> CompletedTracks)
{
    public int PeerReviewsGiven { get; init; }

    public int PeerReviewsRequired { get; init; }

    /// <summary>
    /// Its modules (and required tracks) are passed, peer reviews aside. This, not <see cref="Complete"/>, opens the paths
    /// that require this one: a learner waits for no peer's capstone to move on, and nobody who passed a path before the
    /// peer-review rule was enforced finds a later module locked again. The certificate still waits for the reviews.
    /// </summary>
    public bool ModulesComplete { get; init; }
}

/// <summary>A certification level the learner has earned (per-path levels carry the path).</summary>
public sealed record EarnedCertificate(Certification Certification, string? PathId, DateTimeOffset At)
{
    /// <summary>Stable key: <c>completion-fundamentals</c>, <c>professional</c>, ...</summary>
    public string Key => PathId is null ? Certification.Id : $"{Certification.Id}-{PathId}";

    /// <summary>The competency level the certificate attests: that of the highest path it covers (null if the course names none).</summary>
    public Competency? Competency { get; init; }

    /// <summary>Paths the level counts by the learner's placement past them rather than by completing them (see curriculum/README.md).</summary>
    public ImmutableArray<string> PlacedPaths { get; init; } = [];
}

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
