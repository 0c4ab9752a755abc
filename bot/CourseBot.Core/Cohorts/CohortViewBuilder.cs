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
        var histories = new List<IReadOnlyList<LearnerEvent>>();
        await foreach (var events in history.ReadEveryHistoryAsync(cancel).ConfigureAwait(false))
        {
            histories.Add(events);
            read?.Report(histories.Count);
        }

        // Reading is one stream; deriving each learner's progress is independent work, spread over the cores.
        var wanted = cohort?.Trim();
        var learners = histories.AsParallel().WithCancellation(cancel)
            .Select(events => CohortLearnerReader.From(course, LearnerLedger.From(events[0].Repository, events), today))
            .Where(l => l is not null && (wanted is null || string.Equals(l.Cohort, wanted, StringComparison.Ordinal)))
            .Select(l => l!)
            .ToList();

        return [.. learners.GroupBy(l => l.Cohort, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new CohortView(g.Key, today, [.. g.OrderBy(l => l.Login, StringComparer.Ordinal)]))];
    }
}
