using System.Collections.Immutable;
using CourseBot.Core.Curriculum.Model;

namespace CourseBot.Core.Journey.Progression;

/// <summary>One module for one learner, with its due date from the learner's pace.</summary>
public sealed record ModuleProgress(
    Module Module,
    ModuleState State,
    ImmutableArray<AssessmentProgress> Assessments,
    DateTimeOffset? PassedAt,
    Milestone? Due
)
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
        string.Join(
            ' ',
            Assessments
                .Where(a => a.Assessment.Grading == Grading.Auto && a.MaxScore is not null)
                .Select(a => a.HiddenVersion)
                .OfType<string>()
                .Distinct(StringComparer.Ordinal)
        ) is { Length: > 0 } versions
            ? versions
            : null;

    public AssessmentProgress? Find(string assessmentId) => Assessments.FirstOrDefault(a => a.Id == assessmentId);
}
