using CourseBot.Core.Storage;

namespace CourseBot.Tests.Journey;

/// <summary>A real store that counts the reads made of it, for tests that bound how often a feature reads histories.</summary>
internal sealed class CountingLearnerEvents(ILearnerEvents inner) : ILearnerEvents
{
    public int HistoryReads { get; private set; }

    public int LearnerListReads { get; private set; }

    public int FullPasses { get; private set; }

    public Task<LearnerEvent> AppendAsync(string repository, string kind, string subject, string data, CancellationToken cancel) =>
        inner.AppendAsync(repository, kind, subject, data, cancel);

    public Task<IReadOnlyList<LearnerEvent>> ReadAsync(string repository, CancellationToken cancel)
    {
        HistoryReads++;
        return inner.ReadAsync(repository, cancel);
    }

    public Task<IReadOnlyList<string>> LearnersAsync(CancellationToken cancel)
    {
        LearnerListReads++;
        return inner.LearnersAsync(cancel);
    }

    public IAsyncEnumerable<IReadOnlyList<LearnerEvent>> ReadEveryHistoryAsync(CancellationToken cancel)
    {
        FullPasses++;
        return inner.ReadEveryHistoryAsync(cancel);
    }
}
