using System.Collections.Concurrent;

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

/// <summary>Locks within one process (<c>coursebot serve</c>).</summary>
public sealed class ProcessLearnerLocks : ILearnerLocks
{
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _gates = new(StringComparer.OrdinalIgnoreCase);

    public async Task<IAsyncDisposable> AcquireAsync(string repository, CancellationToken cancel)
    {
        var gate = _gates.GetOrAdd(repository, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancel).ConfigureAwait(false);
        return new Release(gate);
    }

    private sealed class Release(SemaphoreSlim gate) : IAsyncDisposable
    {
        public ValueTask DisposeAsync()
        {
            gate.Release();
            return ValueTask.CompletedTask;
        }
    }
}
