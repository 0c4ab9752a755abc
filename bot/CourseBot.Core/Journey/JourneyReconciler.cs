using System.Globalization;
using CourseBot.Core.Curriculum.Model;
using CourseBot.Core.Journey.History;
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
/// is graded again through the grading workflow, once per commit.</item>
/// </list>
/// </summary>
public sealed partial class JourneyReconciler(
    Course course,
    JourneyOptions options,
    ILearnerEvents history,
    IDeliveryInbox inbox,
    TimeProvider time,
    ILogger<JourneyReconciler> logger
)
{
    public async Task<ReconcileReport> RunOnceAsync(CancellationToken cancel)
    {
        var now = time.GetUtcNow();
        var learners = await history.LearnersAsync(cancel).ConfigureAwait(false);
        var (resumed, regraded) = (0, 0);
        foreach (var repository in learners)
        {
            var ledger = LearnerLedger.From(repository, await history.ReadAsync(repository, cancel).ConfigureAwait(false));
            var enrolledAt = ledger.Events.FirstOrDefault(e => e.Kind == LearnerEventKinds.Enrolled)?.At;
            if (ledger.Enrollment is null || enrolledAt is null)
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
        }

        return new ReconcileReport(learners.Count, resumed, regraded);
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
