using System.Collections.Immutable;
using CourseBot.Core.Journey.Capstones;

namespace CourseBot.Core.Cohorts;

/// <summary>
/// One cohort on <see cref="Today"/>: its learners (by login), those behind pace (most days behind first), and the review
/// queue (capstone pull requests waiting for an instructor, oldest first).
/// </summary>
public sealed record CohortView(string Name, DateOnly Today, ImmutableArray<CohortLearner> Learners)
{
    /// <summary>The name learners enrolled without a cohort are shown under.</summary>
    public const string NoCohort = "(no cohort)";

    public IEnumerable<CohortLearner> BehindPace =>
        Learners.Where(l => l.BehindPace).OrderByDescending(l => l.DaysBehind).ThenBy(l => l.Login, StringComparer.Ordinal);

    public IEnumerable<(CohortLearner Learner, CapstoneReviewState Review)> ReviewQueue =>
        Learners.SelectMany(l => l.Capstones.Where(c => c.State == CapstoneState.Waiting).Select(c => (l, c)))
            .OrderBy(x => x.c.Since ?? DateTimeOffset.MinValue).ThenBy(x => x.l.Login, StringComparer.Ordinal);

    public int Certified => Learners.Count(l => !l.Certificates.IsEmpty);
}
