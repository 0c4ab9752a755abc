using System.Collections.Concurrent;

namespace CourseBot.Core.Storage.Journal;

/// <summary>
/// The delivery ids the journal holds and has not moved into the inbox yet (for the duplicate answer, the queue depth and a
/// delivery's status), and the last <c>rememberMoved</c> moved ones, so that a redelivery soon after is still answered as a
/// duplicate without asking SQLite on the acknowledgement path. Older redeliveries are journaled again and ignored by the
/// inbox when moved (its delivery id is its primary key), so a delivery is processed once either way.
/// </summary>
internal sealed class JournalDeliveryIds(int rememberMoved)
{
    private readonly ConcurrentDictionary<string, Entry> _ids = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> _received = new();
    private readonly ConcurrentQueue<string> _moved = new();
    private readonly Lock _oldest = new();
    private int _unmoved;
    private int _movedCount;

    /// <summary>Ids in the journal, not yet in the inbox.</summary>
    public int Unmoved => Volatile.Read(ref _unmoved);

    /// <summary>False when the id is known (in the journal, or moved recently).</summary>
    public bool TryAdd(string id, string eventName, long receivedAt)
    {
        if (!_ids.TryAdd(id, new Entry(eventName, receivedAt)))
        {
            return false;
        }

        _received.Enqueue(id);
        Interlocked.Increment(ref _unmoved);
        return true;
    }

    /// <summary>Forgets an id whose record could not be written.</summary>
    public void Remove(string id)
    {
        if (_ids.TryRemove(id, out var entry) && !entry.Moved)
        {
            Interlocked.Decrement(ref _unmoved);
        }
    }

    /// <summary>The entry of an id that is known; null otherwise.</summary>
    public (string Event, long ReceivedAt, bool Moved)? Find(string id) =>
        _ids.TryGetValue(id, out var entry) ? (entry.Event, entry.ReceivedAt, entry.Moved) : null;

    /// <summary>Marks ids as moved into the inbox (called by the one pump), forgetting the oldest moved beyond the limit.</summary>
    public void Moved(IEnumerable<string> ids)
    {
        foreach (var id in ids)
        {
            if (!_ids.TryGetValue(id, out var entry) || entry.Moved)
            {
                continue;
            }

            entry.Moved = true;
            Interlocked.Decrement(ref _unmoved);
            _moved.Enqueue(id);
            if (++_movedCount > rememberMoved && _moved.TryDequeue(out var forgotten))
            {
                _ids.TryRemove(forgotten, out _);
                _movedCount--;
            }
        }

        // Drops the moved ids from the head of the arrival order, so that it stays as long as the backlog.
        _ = OldestUnmoved();
    }

    /// <summary>When the oldest delivery not yet moved was received; null when there is none.</summary>
    public long? OldestUnmoved()
    {
        lock (_oldest)
        {
            while (_received.TryPeek(out var id))
            {
                if (_ids.TryGetValue(id, out var entry) && !entry.Moved)
                {
                    return entry.ReceivedAt;
                }

                _received.TryDequeue(out _);
            }

            return null;
        }
    }

    private sealed class Entry(string eventName, long receivedAt)
    {
        public string Event { get; } = eventName;

        public long ReceivedAt { get; } = receivedAt;

        private volatile bool _moved;

        public bool Moved
        {
            get => _moved;
            set => _moved = value;
        }
    }
}
