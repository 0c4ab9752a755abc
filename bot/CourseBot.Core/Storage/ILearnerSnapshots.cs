namespace CourseBot.Core.Storage;

/// <summary>
/// A store's per-learner snapshots of a view derived from the history (the cohort row), so a view of thousands of learners
/// reads one row per learner instead of every event. Appending to a learner's history invalidates that learner's snapshot
/// in the same transaction; a reader recomputes the missing ones from the history and saves them back. A snapshot is only
/// used under the <c>key</c> it was saved with (the derivation's code and curriculum), so a change to either recomputes all.
/// </summary>
public interface ILearnerSnapshots
{
    /// <summary>
    /// Every repository with a history: its last event's sequence and the snapshot saved under <paramref name="key"/> at that
    /// event, or null when there is none (never taken, taken before a later event, or under another key).
    /// </summary>
    IAsyncEnumerable<LearnerHead> ReadHeadsAsync(string key, CancellationToken cancel);

    /// <summary>
    /// Saves each snapshot under <paramref name="key"/>, unless the repository's history has moved past
    /// <see cref="LearnerSnapshot.Through"/> since it was read (that snapshot would be stale as soon as written).
    /// </summary>
    Task SaveSnapshotsAsync(string key, IReadOnlyList<LearnerSnapshot> snapshots, CancellationToken cancel);
}
