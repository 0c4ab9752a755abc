namespace CourseBot.Core.Storage;

/// <summary>The append-only history. There is no update and no delete.</summary>
public interface ILearnerEvents
{
    Task<LearnerEvent> AppendAsync(string repository, string kind, string subject, string data, CancellationToken cancel);

    Task<IReadOnlyList<LearnerEvent>> ReadAsync(string repository, CancellationToken cancel);

    /// <summary>Every repository with an <c>enrolled</c> event (for the reconciler and cohort views).</summary>
    Task<IReadOnlyList<string>> LearnersAsync(CancellationToken cancel);

    /// <summary>
    /// Every repository's history, one list per repository (in sequence), in one pass over the store: a cohort view of
    /// thousands of learners would otherwise pay one query per learner. Repositories without an <c>enrolled</c> event
    /// are included; callers skip them as <see cref="ReadAsync"/>'s callers do.
    /// </summary>
    IAsyncEnumerable<IReadOnlyList<LearnerEvent>> ReadEveryHistoryAsync(CancellationToken cancel);
}
