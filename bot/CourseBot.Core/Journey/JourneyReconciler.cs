using System.Globalization;
using CourseBot.Core.Curriculum.Model;
using CourseBot.Core.Journey.History;
using CourseBot.Core.Journey.Quizzes;
using CourseBot.Core.Journey.Sync;
using CourseBot.Core.Storage;
using Microsoft.Extensions.Logging;

namespace CourseBot.Core.Journey;

/// <summary>
/// Repairs what a lost webhook, a dead-lettered job or a grading run that never reported leaves
/// behind, from the record alone (no GitHub call here; the repairs go through the queue):
/// <list type="bullet">
/// <item>an enrollment whose setup never finished (generation still running when every retry ran
/// out, an outage) is resumed, at most once an hour;</item>
/// <item>a repository set up before the instructors team was given access to it is resumed to give it;</item>
/// <item>a learner's latest push with open labs and no result after <see cref="JourneyOptions.RepairAfter"/>
/// is graded again through the grading workflow, once per commit;</item>
/// <item>a quiz form is in the repository with no attempt open (one ran out unsubmitted: nothing happens in the repository
/// when a timer runs out; or a form committed at unlock by an older bot): a sync removes it, once per set of such forms;</item>
/// <item>the cohort dashboard is refreshed, at most once per <see cref="Cohorts.Dashboard.DashboardOptions.RefreshEvery"/>
/// (so idle learners falling behind show without any event of theirs);</item>
/// <item>a capstone pull request still waiting for peers (<see cref="Peers.PeerWaiting"/>) is looked at again, at most once an
/// hour, until enough peers reached its module or <see cref="JourneyOptions.PeerWait"/> is over;</item>
/// <item>a learner whose README's overdue marks changed since it was committed, or whose module crossed a reminder
/// threshold (<see cref="JourneyOptions.OverdueReminders"/>), gets the daily deadline pass, at most once a day.</item>
/// </list>
/// </summary>
public sealed partial class JourneyReconciler(
    Course course,
    JourneyOptions options,
    ILearnerEvents history,
    IDeliveryInbox inbox,
    TimeProvider time,
    ILogger<JourneyReconciler> logger,
    Cohorts.Dashboard.DashboardSchedule dashboard
)
{
    public async Task<ReconcileReport> RunOnceAsync(CancellationToken cancel)
    {
        var now = time.GetUtcNow();
        var learners = await history.LearnersAsync(cancel).ConfigureAwait(false);
        var (resumed, regraded, expired, peerRetries, deadlines) = (0, 0, 0, 0, 0);
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        foreach (var repository in learners)
        {
            var ledger = LearnerLedger.From(repository, await history.ReadAsync(repository, cancel).ConfigureAwait(false));
            var enrolledAt = ledger.Events.FirstOrDefault(e => e.Kind == LearnerEventKinds.Enrolled)?.At;
            if (ledger.Enrollment is null || enrolledAt is null || ledger.Unenrolled)
            {
                continue;
            }

            var setUp = ledger.Setup.Contains("labels") && ledger.Files.Hashes.Count > 0;
            if (
                !setUp
                && now - enrolledAt > options.RepairAfter
                && await inbox
                    .TryEnqueueAsync(
                        QueuedLearnerChanges.Resume(repository, now.ToString("yyyyMMddHH", CultureInfo.InvariantCulture)),
                        cancel
                    )
                    .ConfigureAwait(false)
            )
            {
                resumed++;
                LogResumed(logger, repository);
            }

            // Learners enrolled before the instructors team got access at setup: the resumed setup gives it (once an hour at most).
            if (
                setUp
                && !ledger.Setup.Contains("team")
                && await inbox
                    .TryEnqueueAsync(
                        QueuedLearnerChanges.Resume(repository, now.ToString("yyyyMMddHH", CultureInfo.InvariantCulture)),
                        cancel
                    )
                    .ConfigureAwait(false)
            )
            {
                resumed++;
                LogBackfill(logger, repository);
            }

            if (setUp && UngradedPush(ledger, now) is { } sha
                && await inbox.TryEnqueueAsync(QueuedLearnerChanges.Regrade(repository, sha), cancel).ConfigureAwait(false))
            {
                regraded++;
                LogRegraded(logger, repository, sha);
            }

            if (setUp && LingeringForms(ledger, now) is { Count: > 0 } forms
                && await inbox.TryEnqueueAsync(QueuedLearnerChanges.Sync(repository, "quiz-forms:" + ContentHash.Of([.. forms])), cancel)
                    .ConfigureAwait(false))
            {
                expired++;
                LogExpired(logger, repository, forms.Count);
            }

            foreach (var number in setUp ? Peers.PeerWaiting.Waiting(ledger, options, now) : [])
            {
                var hour = now.ToString("yyyyMMddHH", CultureInfo.InvariantCulture);
                if (await inbox.TryEnqueueAsync(QueuedLearnerChanges.Peers(repository, number, hour), cancel).ConfigureAwait(false))
                {
                    peerRetries++;
                }
            }

            if (setUp && DeadlineWork(ledger, today)
                && await inbox.TryEnqueueAsync(QueuedLearnerChanges.Deadlines(repository, today), cancel).ConfigureAwait(false))
            {
                deadlines++;
                LogDeadlines(logger, repository);
            }
        }

        if (learners.Count > 0)
        {
            await dashboard.RequestAsync(cancel).ConfigureAwait(false);
        }

        return new ReconcileReport(learners.Count, resumed, regraded, expired, peerRetries) { Deadlines = deadlines };
    }

    /// <summary>The learner's latest push, when it is old enough, the learner has labs open, and no result names it.</summary>
    private string? UngradedPush(LearnerLedger ledger, DateTimeOffset now)
    {
        var push = ledger.Events.Select(e => (Entry: e, Push: LearnerEventJson.Read<PushSeen>(e)))
            .LastOrDefault(p => p.Push?.ByLearner == true);
        if (push.Push is null || now - push.Entry.At < options.RepairAfter || push.Push.After is not { } sha)
        {
            return null;
        }

        var graded = ledger.HasResultFor(sha);
        var openLabs = ledger.Progress(course)?.Modules.Any(m => m.IsUnlocked && m.State != Progression.ModuleState.Passed
            && m.Module.Assessments.Any(a => a.Grading == Grading.Auto)) == true;
        return graded || !openLabs ? null : sha;
    }

    /// <summary>
    /// The quiz forms the bot wrote that no open attempt keeps, then the attempts' sequences (a new expiry is a new set).
    /// </summary>
    private List<string> LingeringForms(LearnerLedger ledger, DateTimeOffset now)
    {
        var open = OpenQuizForms.Of(course, ledger, now, options.QuizGrace).Select(f => f.Path).ToHashSet(StringComparer.Ordinal);
        var lingering = ledger.Files.Hashes.Keys
            .Where(p => p.StartsWith(QuizFormWriter.FormPrefix, StringComparison.Ordinal) && !open.Contains(p))
            .Order(StringComparer.Ordinal).ToList();
        return lingering.Count == 0
            ? []
            : [.. lingering, .. ledger.QuizStarts.Select(a => a.Sequence.ToString(CultureInfo.InvariantCulture))];
    }

    [LoggerMessage(EventId = 5404, Level = LogLevel.Information,
        Message = "Reconciler: {Repository} holds quiz forms no open attempt keeps ({Count} entries); removing them")]
    private static partial void LogExpired(ILogger logger, string repository, int count);

    private bool DeadlineWork(LearnerLedger ledger, DateOnly today) =>
        ledger.Progress(course) is { } progress
        && (
            DeadlineCheck.ReadmeStale(ledger, progress, today)
            || DeadlineCheck.Owed(ledger, progress, today, options.OverdueReminderDays).Count > 0
        );

    [LoggerMessage(
        EventId = 5405,
        Level = LogLevel.Information,
        Message = "Reconciler: deadlines of {Repository} changed; refreshing them"
    )]
    private static partial void LogDeadlines(ILogger logger, string repository);

    [LoggerMessage(EventId = 5401, Level = LogLevel.Warning, Message = "Reconciler: setup of {Repository} never finished; resuming it")]
    private static partial void LogResumed(ILogger logger, string repository);

    [LoggerMessage(
        EventId = 5403,
        Level = LogLevel.Information,
        Message = "Reconciler: {Repository} predates instructor access; resuming its setup to give it"
    )]
    private static partial void LogBackfill(ILogger logger, string repository);

    [LoggerMessage(
        EventId = 5402,
        Level = LogLevel.Warning,
        Message = "Reconciler: push {Sha} to {Repository} has no result; grading it again"
    )]
    private static partial void LogRegraded(ILogger logger, string repository, string sha);
}
