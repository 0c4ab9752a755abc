using CourseBot.Core.Curriculum.Model;
using CourseBot.Core.Journey.Sync;
using CourseBot.Core.Storage;

namespace CourseBot.Core.Journey;

/// <summary>
/// <c>coursebot regrade</c>'s work: one queued regrade per learner who has the lab open and has not had it regraded with
/// these hidden tests. The running bot dispatches them one by one (each dispatch spaced under GitHub's content-creation
/// limit by the client); the learners' histories are the resumable record, so running it again queues only who is left.
/// </summary>
public static class RegradeQueuing
{
    public static async Task<RegradeReport> QueueAsync(
        Course course, ILearnerEvents history, IDeliveryInbox inbox, string lab, string version, string? cohort,
        IProgress<(int Read, int Total)>? progress, CancellationToken cancel)
    {
        ArgumentNullException.ThrowIfNull(history);
        ArgumentNullException.ThrowIfNull(inbox);
        var learners = await history.LearnersAsync(cancel).ConfigureAwait(false);
        var (queued, done, closed) = (0, 0, 0);
        var batch = Guid.NewGuid().ToString("N")[..8];
        for (var i = 0; i < learners.Count; i++)
        {
            var ledger = LearnerLedger.From(learners[i], await history.ReadAsync(learners[i], cancel).ConfigureAwait(false));
            switch (LabRegrade.Status(course, ledger, lab, version, cohort))
            {
                case RegradeStatus.Due:
                    // Queued before and not dispatched yet counts as queued: the delivery id is the same, the queue keeps one.
                    await inbox
                        .TryEnqueueAsync(QueuedLearnerChanges.RegradeLab(learners[i], lab, version, batch), cancel)
                        .ConfigureAwait(false);
                    queued++;
                    break;
                case RegradeStatus.Done:
                    done++;
                    break;
                default:
                    closed++;
                    break;
            }

            progress?.Report((i + 1, learners.Count));
        }

        return new RegradeReport(learners.Count, queued, done, closed);
    }
}
