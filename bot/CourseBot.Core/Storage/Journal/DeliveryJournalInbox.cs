using CourseBot.Core.Webhooks;
using Microsoft.Extensions.Logging;

namespace CourseBot.Core.Storage.Journal;

/// <summary>
/// The inbox of <c>coursebot serve</c> with the delivery journal in front: GitHub's deliveries are appended to the journal
/// (group commit, see <see cref="DeliveryJournal"/>) and acknowledged; the journal pump moves them into the SQLite inbox in
/// large batches, where the worker, the dead-letter list, <c>coursebot events</c> and doctor find them as before. Everything
/// else (leases, completions, the bot's own enqueues) goes to the SQLite inbox directly. The queue depth and a delivery's
/// status count the records not moved yet.
/// <para>
/// On start, the records after the checkpoint are read back (a torn last record is skipped) and queued to be moved again;
/// moving is idempotent by delivery id, so a record moved just before a crash is not queued twice.
/// </para>
/// </summary>
public sealed class DeliveryJournalInbox : IDeliveryInbox, IDeliveryIntake, IDisposable
{
    /// <summary>How many moved delivery ids are remembered for the duplicate answer (about 6 MB).</summary>
    private const int RememberMoved = 100_000;
    private readonly SqliteDeliveryInbox _inbox;
    private readonly TimeProvider _time;
    private readonly DeliveryJournal _journal;
    private readonly JournalCheckpoint _checkpoint;
    private readonly JournalDeliveryIds _ids = new(RememberMoved);

    /// <param name="directory">The journal's folder (beside the SQLite file).</param>
    /// <param name="inbox">The SQLite inbox the journal moves into.</param>
    /// <param name="segmentBytes">The size at which a segment is closed.</param>
    /// <param name="time">The clock of received times.</param>
    /// <param name="logger">Where torn tails are reported.</param>
    public DeliveryJournalInbox(string directory, SqliteDeliveryInbox inbox, long segmentBytes, TimeProvider time, ILogger logger)
    {
        _inbox = inbox;
        _time = time;
        Directory.CreateDirectory(directory);
        _checkpoint = new JournalCheckpoint(directory);
        var segments = JournalSegments.List(directory);
        var start = _checkpoint.Read() ?? new JournalPosition(segments.FirstOrDefault(), 0);
        ScanLeftover(directory, segments, start);
        _journal = new DeliveryJournal(directory, segmentBytes, Math.Max(segments.LastOrDefault(), start.Segment));
        Mover = new JournalMover(directory, _journal, _checkpoint, _ids, inbox, start, logger);
    }

    /// <summary>What the journal pump runs.</summary>
    internal JournalMover Mover { get; }

    /// <summary>Records journaled and not moved into the inbox yet.</summary>
    public int Unmoved => _ids.Unmoved;

    public async Task<bool> TryAcceptAsync(WebhookDelivery delivery, CancellationToken cancel)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        var received = _time.GetUtcNow().ToUnixTimeMilliseconds();
        if (!_ids.TryAdd(delivery.DeliveryId, delivery.Event, received))
        {
            return false;
        }

        var record = JournalRecord.Encode(delivery, received, out var length);
        try
        {
            await _journal.AppendAsync(record, length).ConfigureAwait(false);
        }
        catch
        {
            _ids.Remove(delivery.DeliveryId);
            throw;
        }
        finally
        {
            System.Buffers.ArrayPool<byte>.Shared.Return(record);
        }

        return true;
    }

    /// <summary>The bot's own enqueues go straight to SQLite: they rely on its answer for ids seen long ago.</summary>
    public Task<bool> TryEnqueueAsync(WebhookDelivery delivery, CancellationToken cancel) => _inbox.TryEnqueueAsync(delivery, cancel);

    public Task<LeasedMessage?> LeaseAsync(TimeSpan lease, CancellationToken cancel) => _inbox.LeaseAsync(lease, cancel);

    public Task CompleteAsync(LeasedMessage message, CancellationToken cancel) => _inbox.CompleteAsync(message, cancel);

    public Task FailAsync(LeasedMessage message, string error, TimeSpan retryAfter, bool deadLetter, CancellationToken cancel) =>
        _inbox.FailAsync(message, error, retryAfter, deadLetter, cancel);

    public Task<IReadOnlyList<DeadLetter>> DeadLettersAsync(CancellationToken cancel) => _inbox.DeadLettersAsync(cancel);

    public Task<int> ReplayAsync(string? id, CancellationToken cancel) => _inbox.ReplayAsync(id, cancel);

    public async Task<DeliveryStatus?> StatusAsync(string deliveryId, CancellationToken cancel)
    {
        // The inbox first: a delivery found in neither was moved and forgotten between the two looks only if it is not new.
        return await _inbox.StatusAsync(deliveryId, cancel).ConfigureAwait(false)
            ?? (_ids.Find(deliveryId) is { } journaled
                ? new DeliveryStatus(
                    deliveryId, journaled.Event, DateTimeOffset.FromUnixTimeMilliseconds(journaled.ReceivedAt), null, false)
                : null);
    }

    /// <summary>Unmoved records are counted first: one moved meanwhile is counted twice, never missed.</summary>
    public async Task<int> PendingAsync(CancellationToken cancel)
    {
        var unmoved = _ids.Unmoved;
        return unmoved + await _inbox.PendingAsync(cancel).ConfigureAwait(false);
    }

    public async Task<QueueSnapshot> SnapshotAsync(CancellationToken cancel)
    {
        var unmoved = _ids.Unmoved;
        var oldest = _ids.OldestUnmoved();
        var stored = await _inbox.SnapshotAsync(cancel).ConfigureAwait(false);
        var journaledAge = oldest is { } at
            ? TimeSpan.FromMilliseconds(Math.Max(0, _time.GetUtcNow().ToUnixTimeMilliseconds() - at))
            : TimeSpan.Zero;
        return new QueueSnapshot(stored.Depth + unmoved, stored.OldestAge > journaledAge ? stored.OldestAge : journaledAge);
    }

    public void Dispose()
    {
        _journal.Dispose();
        _checkpoint.Dispose();
    }

    /// <summary>Counts the records a previous run left unmoved (all its segments are closed now) so depth and status see them.</summary>
    private void ScanLeftover(string directory, List<long> segments, JournalPosition start)
    {
        foreach (var segment in segments.Where(s => s >= start.Segment))
        {
            var path = JournalSegments.PathOf(directory, segment);
            var offset = segment == start.Segment ? start.Offset : 0;
            var length = new FileInfo(path).Length;
            var reader = new JournalReader();
            JournalBatch batch;
            do
            {
                batch = reader.Read(path, offset, length, 4096);
                foreach (var entry in batch.Entries)
                {
                    _ids.TryAdd(entry.Delivery.DeliveryId, entry.Delivery.Event, entry.ReceivedAt);
                }

                offset = batch.NextOffset;
            }
            while (batch.Entries.Count > 0 && !batch.Damaged);
        }
    }
}
