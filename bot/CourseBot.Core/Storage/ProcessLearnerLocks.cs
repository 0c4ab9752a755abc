using System.Collections.Concurrent;

namespace CourseBot.Core.Storage;

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
