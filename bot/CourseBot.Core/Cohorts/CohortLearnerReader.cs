using System.Collections.Immutable;
using CourseBot.Core.Curriculum.Model;
using CourseBot.Core.Journey.Capstones;
using CourseBot.Core.Journey.History;
using CourseBot.Core.Journey.Progression;
using CourseBot.Core.Journey.Sync;

namespace CourseBot.Core.Cohorts;

/// <summary>
/// A learner's cohort row, read from the same <see cref="LearnerLedger.Progress"/> the journey renders the learner's README
/// from: no second reading of the history, so a change to progress or due dates shows here as it shows there.
/// </summary>
public static class CohortLearnerReader
{
    /// <summary>Kinds that are the learner's own doing (an instructor's review or the bot's bookkeeping is not activity).</summary>
    private static readonly HashSet<string> LearnerKinds = new(StringComparer.Ordinal)
    {
        LearnerEventKinds.Enrolled, LearnerEventKinds.QuizStarted, LearnerEventKinds.QuizSubmitted, LearnerEventKinds.LabGraded,
        LearnerEventKinds.CapstonePullRequest, LearnerEventKinds.PeerReviewGiven,
    };

    public static CohortLearner? From(Course course, LearnerLedger ledger, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(course);
        ArgumentNullException.ThrowIfNull(ledger);
        if (ledger.Enrollment is not { } enrollment || ledger.Progress(course) is not { } progress)
        {
            return null;
        }

        var current = progress.Current;
        var due = progress.Modules.Where(m => m.State != ModuleState.Passed && m.Due is not null)
            .Select(m => (DateOnly?)m.Due!.DueOn).Min();
        return new CohortLearner(
            enrollment.Login,
            enrollment.Repository,
            ledger.RepositoryUrl,
            CohortName(enrollment.Cohort),
            enrollment.PathId,
            enrollment.PaceId,
            enrollment.Start,
            current?.Module.Id,
            current?.Module.Number,
            due,
            DaysBehind(due, today),
            LastActivity(ledger),
            progress.Paths.Sum(p => p.Passed),
            progress.Paths.Sum(p => p.Total),
            Scores(progress),
            Capstones(progress, ledger),
            [.. progress.Certificates.Select(c => c.Key)],
            [.. progress.Modules.Where(m => m.PassedAt is not null).Select(m => DateOnly.FromDateTime(m.PassedAt!.Value.UtcDateTime))],
            [.. progress.Milestones.Select(m => (m.DueOn, m.Modules.Length))]);
    }

    /// <summary>
    /// How many days ago <paramref name="due"/> was on <paramref name="today"/> (0 when not yet, or nothing is due): the one
    /// figure of a row that moves with the calendar alone, so a stored row has it computed again on the day it is read.
    /// </summary>
    public static int DaysBehind(DateOnly? due, DateOnly today) => due is { } d && today > d ? today.DayNumber - d.DayNumber : 0;

    /// <summary>The cohort as enrolled, trimmed; learners enrolled without one share <see cref="CohortView.NoCohort"/>.</summary>
    public static string CohortName(string? cohort) => string.IsNullOrWhiteSpace(cohort) ? CohortView.NoCohort : cohort.Trim();

    private static DateTimeOffset? LastActivity(LearnerLedger ledger)
    {
        DateTimeOffset? last = null;
        foreach (var e in ledger.Decoded)
        {
            if ((last is null || e.At > last) && (LearnerKinds.Contains(e.Kind)
                || (e.Kind == LearnerEventKinds.GitHubPush && e.Read<PushSeen>()?.ByLearner == true)))
            {
                last = e.At;
            }
        }

        return last;
    }

    private static ImmutableArray<ModuleScore> Scores(LearnerProgress progress) =>
    [
        .. progress.Modules
            .Where(m => m.QuizPercent is not null || m.LabScore is not null)
            .Select(m => new ModuleScore(m.Module.Number, m.Module.Id, m.State == ModuleState.Passed, m.QuizPercent, m.LabScore?.Score,
                m.LabScore?.Max) { LabHiddenVersion = m.LabHiddenVersions }),
    ];

    private static ImmutableArray<CapstoneReviewState> Capstones(LearnerProgress progress, LearnerLedger ledger) =>
    [
        .. progress.Modules
            .Where(m => m.Capstone is { State: not CapstoneState.NotSubmitted })
            .Select(m => new CapstoneReviewState(m.Module.Id, m.Module.Number, m.Capstone!.State, m.Capstone.PullRequest,
                m.Capstone.PullRequestUrl, m.Capstone.Reviewer, m.Capstone.At ?? ReadySince(ledger, m.Module.Id, m.Capstone.PullRequest))),
    ];

    /// <summary>
    /// When a pull request waiting for review (no review decides it, so the status has no date) was last opened, reopened or
    /// marked ready: the review queue's order.
    /// </summary>
    private static DateTimeOffset? ReadySince(LearnerLedger ledger, string moduleId, int? number) => ledger.Decoded
        .Where(e => e.Subject == moduleId)
        .Select(e => e.Read<CourseBot.Core.Journey.History.CapstonePullRequest>())
        .Where(p => p is not null && p.Number == number && p.Action is "opened" or "reopened" or "ready_for_review")
        .Select(p => (DateTimeOffset?)p!.At).Max();
}
