using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using CourseBot.Core.Curriculum.Model;
using CourseBot.Core.Journey.Sync;
using CourseBot.Core.Storage;

namespace CourseBot.Core.Cohorts;

/// <summary>
/// Builds cohort views from the learner histories in one pass over the store (<see cref="ILearnerEvents.ReadEveryHistoryAsync"/>),
/// each learner through <see cref="CohortLearnerReader"/>. The cohort is the one in the learner's <c>enrolled</c> event.
/// </summary>
public sealed class CohortViewBuilder(Course course, ILearnerEvents history, TimeProvider time)
{
    /// <summary>
    /// Every cohort (or only <paramref name="cohort"/>), by name. <paramref name="read"/> is told of each history read,
    /// for a progress bar on long reads.
    /// </summary>
    public async Task<IReadOnlyList<CohortView>> BuildAsync(string? cohort, IProgress<int>? read, CancellationToken cancel)
    {
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var wanted = cohort?.Trim();
        var learners = new ConcurrentBag<CohortLearner>();
        // Reading is one stream; deriving each learner's progress is independent work, done on the other cores while the
        // store reads on, so only the histories in flight are held in memory, never every learner's at once.
        var parallel = new ParallelOptions { CancellationToken = cancel, MaxDegreeOfParallelism = Environment.ProcessorCount };
        await Parallel.ForEachAsync(Counted(history.ReadEveryHistoryAsync(cancel), read, cancel), parallel, (events, _) =>
        {
            if (CohortLearnerReader.From(course, LearnerLedger.From(events[0].Repository, events), today) is { } learner
                && (wanted is null || string.Equals(learner.Cohort, wanted, StringComparison.Ordinal)))
            {
                learners.Add(learner);
            }

            return ValueTask.CompletedTask;
        }).ConfigureAwait(false);

        return [.. learners.GroupBy(l => l.Cohort, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new CohortView(g.Key, today, [.. g.OrderBy(l => l.Login, StringComparer.Ordinal)]))];
    }

    /// <summary>
    /// Tells <paramref name="read"/> of each history as it is read. The parallel loop pulls from one enumerator at a time,
    /// so the count is reported in order from one thread at a time.
    /// </summary>
    private static async IAsyncEnumerable<IReadOnlyList<LearnerEvent>> Counted(
        IAsyncEnumerable<IReadOnlyList<LearnerEvent>> histories, IProgress<int>? read, [EnumeratorCancellation] CancellationToken cancel)
    {
        var count = 0;
        await foreach (var events in histories.WithCancellation(cancel).ConfigureAwait(false))
        {
            read?.Report(++count);
            yield return events;
        }
    }
}
