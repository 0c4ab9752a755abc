namespace CourseBot.Core.Storage;

/// <summary>
/// One piece of work per learner at a time. GitHub delivers a learner's events in any order and
/// sometimes at once; two handlers deciding from the same record would both open the next
/// module's issue. The embedded host needs a lock in its process; the Functions host, which runs
/// several instances, a lease in storage.
/// </summary>
public interface ILearnerLocks
{
    Task<IAsyncDisposable> AcquireAsync(string repository, CancellationToken cancel);
}
