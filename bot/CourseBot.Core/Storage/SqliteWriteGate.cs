using System.Collections.Concurrent;

namespace CourseBot.Core.Storage;

/// <summary>
/// One writer at a time for one SQLite file inside this process, webhook intake first. SQLite lets
/// one connection write at a time; without a gate the others meet <c>SQLITE_BUSY</c> and its busy
/// handler sleeps 1, 2, 5, 10, 25 ms and more before trying again, so a delivery that arrives while
/// the worker commits waited tens of milliseconds for its acknowledgement. Waiting here costs no
/// sleep: the gate hands over to the next writer the moment the last one leaves, and an urgent
/// writer (an acknowledgement a client is waiting for) is always handed the gate before the
/// background writers queued with it. Other processes sharing the file (the CLI) still meet the
/// busy timeout, which is rare and harmless there.
/// </summary>
internal sealed class SqliteWriteGate
{
    private static readonly ConcurrentDictionary<string, SqliteWriteGate> Gates = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();
    private readonly Queue<TaskCompletionSource> _urgent = new();
    private readonly Queue<TaskCompletionSource> _background = new();
    private bool _held;

    /// <summary>The gate of the file at <paramref name="path"/> (however it is spelled), shared by every store that opens it.</summary>
    public static SqliteWriteGate For(string path) => Gates.GetOrAdd(Path.GetFullPath(path), _ => new SqliteWriteGate());

    /// <summary>Writers waiting at this moment (tests and the worker's courtesy check read it).</summary>
    public int UrgentWaiting
    {
        get
        {
            lock (_lock)
            {
                return _urgent.Count;
            }
        }
    }

    /// <summary>Waits for the gate; dispose the result to leave it.</summary>
    public async ValueTask<Pass> EnterAsync(bool urgent, CancellationToken cancel)
    {
        TaskCompletionSource waiter;
        lock (_lock)
        {
            if (!_held)
            {
                _held = true;
                return new Pass(this);
            }

            waiter = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            (urgent ? _urgent : _background).Enqueue(waiter);
        }

        // Cancelled before the hand-over: the waiter refuses it in Leave, so the gate is never held by nobody.
        using (cancel.Register(() => waiter.TrySetCanceled(cancel)))
        {
            await waiter.Task.ConfigureAwait(false);
        }

        return new Pass(this);
    }

    private void Leave()
    {
        lock (_lock)
        {
            // A cancelled waiter refuses the hand-over; the next one in line gets it.
            while (_urgent.TryDequeue(out var next) || _background.TryDequeue(out next))
            {
                if (next.TrySetResult())
                {
                    return;
                }
            }

            _held = false;
        }
    }

    /// <summary>Holding the gate; disposing leaves it (once).</summary>
    internal sealed class Pass(SqliteWriteGate gate) : IDisposable
    {
        private SqliteWriteGate? _gate = gate;

        public void Dispose() => Interlocked.Exchange(ref _gate, null)?.Leave();
    }
}
