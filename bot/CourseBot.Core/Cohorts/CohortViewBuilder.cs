using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Text.Json;
using CourseBot.Core.Curriculum.Model;
using CourseBot.Core.Journey.Sync;
using CourseBot.Core.Storage;

namespace CourseBot.Core.Cohorts;

/// <summary>
/// Builds cohort views from the learner histories, each learner through <see cref="CohortLearnerReader"/>. The cohort is the
/// one in the learner's <c>enrolled</c> event. On a store that keeps snapshots (<see cref="ILearnerSnapshots"/>) a learner
/// whose history has not changed since their row was last derived is read from that row, and only the others' histories are
/// read and derived (then saved); otherwise every history is read in one pass (<see cref="ILearnerEvents.ReadEveryHistoryAsync"/>).
/// Either way every row is what <see cref="CohortLearnerReader"/> derives from the history, with the days behind pace
/// computed for today.
/// </summary>
public sealed class CohortViewBuilder(Course course, ILearnerEvents history, TimeProvider time)
{
    /// <summary>
    /// Above this share of learners to derive again (a first build, a new release), one pass over the store beats one
    /// query per learner.
    /// </summary>
    private const double OnePassShare = 0.2;

    private readonly Lazy<string> _key = new(() => CohortSnapshotKey.For(course));

    /// <summary>
    /// Every cohort (or only <paramref name="cohort"/>), by name. <paramref name="read"/> is told of each learner read,
    /// for a progress bar on long reads.
    /// </summary>
    public async Task<IReadOnlyList<CohortView>> BuildAsync(string? cohort, IProgress<int>? read, CancellationToken cancel)
    {
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var wanted = cohort?.Trim();
        var learners = history is ILearnerSnapshots snapshots
            ? await FromSnapshotsAsync(snapshots, today, read, cancel).ConfigureAwait(false)
            : await DeriveAsync(Counted(history.ReadEveryHistoryAsync(cancel), read, 0, cancel), today, null, cancel)
                .ConfigureAwait(false);
        return [.. learners.Where(l => wanted is null || string.Equals(l.Cohort, wanted, StringComparison.Ordinal))
            .GroupBy(l => l.Cohort, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new CohortView(g.Key, today, [.. g.OrderBy(l => l.Login, StringComparer.Ordinal)]))];
    }

    private async Task<IReadOnlyCollection<CohortLearner>> FromSnapshotsAsync(
        ILearnerSnapshots snapshots, DateOnly today, IProgress<int>? read, CancellationToken cancel)
    {
        var key = _key.Value;
        var stored = new List<string>();
        var stale = new Dictionary<string, long>(StringComparer.Ordinal);
        await foreach (var head in snapshots.ReadHeadsAsync(key, cancel).ConfigureAwait(false))
        {
            if (head.Snapshot is { } snapshot)
            {
                stored.Add(snapshot);
            }
            else
            {
                stale[head.Repository] = head.Last;
            }
        }

        var learners = new ConcurrentBag<CohortLearner>();
        Parallel.ForEach(stored, new ParallelOptions { CancellationToken = cancel }, snapshot =>
        {
            // A stored "null": a history without an enrollment, not a learner.
            if (JsonSerializer.Deserialize(snapshot, CohortSnapshotJsonContext.Default.CohortLearner) is { } learner)
            {
                learners.Add(learner with { DaysBehind = CohortLearnerReader.DaysBehind(learner.DueOn, today) });
            }
        });
        if (stored.Count > 0)
        {
            read?.Report(stored.Count);
        }

        if (stale.Count == 0)
        {
            return learners;
        }

        var histories = stale.Count > OnePassShare * (stored.Count + stale.Count)
            ? Only(history.ReadEveryHistoryAsync(cancel), stale, cancel)
            : Each(stale.Keys, cancel);
        var saved = new ConcurrentBag<LearnerSnapshot>();
        foreach (var learner in await DeriveAsync(Counted(histories, read, stored.Count, cancel), today, saved, cancel)
            .ConfigureAwait(false))
        {
            learners.Add(learner);
        }

        await snapshots.SaveSnapshotsAsync(key, [.. saved], cancel).ConfigureAwait(false);
        return learners;
    }

    /// <summary>
    /// Each history's row, derived on every core while the store reads on (only the histories in flight are held in memory);
    /// each row's snapshot (or "null" for a history without an enrollment) goes to <paramref name="saved"/> when given.
    /// </summary>
    private async Task<IReadOnlyCollection<CohortLearner>> DeriveAsync(
        IAsyncEnumerable<IReadOnlyList<LearnerEvent>> histories, DateOnly today, ConcurrentBag<LearnerSnapshot>? saved,
        CancellationToken cancel)
    {
        var learners = new ConcurrentBag<CohortLearner>();
        var parallel = new ParallelOptions { CancellationToken = cancel, MaxDegreeOfParallelism = Environment.ProcessorCount };
        await Parallel.ForEachAsync(histories, parallel, (events, _) =>
        {
            var learner = CohortLearnerReader.From(course, LearnerLedger.From(events[0].Repository, events), today);
            if (learner is not null)
            {
                learners.Add(learner);
            }

            saved?.Add(new LearnerSnapshot(events[0].Repository, events[^1].Sequence,
                learner is null ? "null" : JsonSerializer.Serialize(learner, CohortSnapshotJsonContext.Default.CohortLearner)));
            return ValueTask.CompletedTask;
        }).ConfigureAwait(false);
        return learners;
    }

    /// <summary>The histories of <paramref name="wanted"/> from one pass over the store.</summary>
    private static async IAsyncEnumerable<IReadOnlyList<LearnerEvent>> Only(
        IAsyncEnumerable<IReadOnlyList<LearnerEvent>> histories, Dictionary<string, long> wanted,
        [EnumeratorCancellation] CancellationToken cancel)
    {
        await foreach (var events in histories.WithCancellation(cancel).ConfigureAwait(false))
        {
            if (wanted.ContainsKey(events[0].Repository))
            {
                yield return events;
            }
        }
    }

    /// <summary>The histories of <paramref name="repositories"/>, one query each.</summary>
    private async IAsyncEnumerable<IReadOnlyList<LearnerEvent>> Each(
        IEnumerable<string> repositories, [EnumeratorCancellation] CancellationToken cancel)
    {
        foreach (var repository in repositories)
        {
            if (await history.ReadAsync(repository, cancel).ConfigureAwait(false) is { Count: > 0 } events)
            {
                yield return events;
            }
        }
    }

    /// <summary>
    /// Tells <paramref name="read"/> of each history as it is read, counting on from <paramref name="before"/>. The parallel
    /// loop pulls from one enumerator at a time, so the count is reported in order from one thread at a time.
    /// </summary>
    private static async IAsyncEnumerable<IReadOnlyList<LearnerEvent>> Counted(
        IAsyncEnumerable<IReadOnlyList<LearnerEvent>> histories, IProgress<int>? read, int before,
        [EnumeratorCancellation] CancellationToken cancel)
    {
        var count = before;
        await foreach (var events in histories.WithCancellation(cancel).ConfigureAwait(false))
        {
            read?.Report(++count);
            yield return events;
        }
    }
}
