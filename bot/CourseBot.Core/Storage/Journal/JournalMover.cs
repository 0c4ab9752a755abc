using Microsoft.Extensions.Logging;

namespace CourseBot.Core.Storage.Journal;

/// <summary>
/// Moves journal records into the SQLite inbox, one large transaction per step, then records the checkpoint and forgets
/// segments that are wholly moved. Only the journal pump calls it (one step at a time).
/// </summary>
internal sealed partial class JournalMover(
    string directory,
    DeliveryJournal journal,
    JournalCheckpoint checkpoint,
    JournalDeliveryIds ids,
    SqliteDeliveryInbox inbox,
    JournalPosition start,
    ILogger logger)
{
    private readonly JournalReader _reader = new();
    private JournalPosition _position = start;

    /// <summary>Where the next record to move is.</summary>
    public JournalPosition Position => _position;

    /// <summary>Moves up to <paramref name="maxRecords"/> records, or steps past a finished segment; false when there was
    /// nothing to do.</summary>
    public async Task<bool> MoveNextAsync(int maxRecords, CancellationToken cancel)
    {
        var end = journal.End;
        var path = JournalSegments.PathOf(directory, _position.Segment);
        var closed = _position.Segment < end.Segment;
        // A closed segment is read to the end of its file; the one being written only as far as its writes have returned.
        var limit = closed ? (File.Exists(path) ? new FileInfo(path).Length : 0) : end.Offset;
        var batch = _reader.Read(path, _position.Offset, limit, maxRecords);
        if (batch.Entries.Count > 0)
        {
            await inbox.StoreJournaledAsync(batch.Entries, cancel).ConfigureAwait(false);
            _position = _position with { Offset = batch.NextOffset };
            checkpoint.Write(_position);
            ids.Moved(batch.Entries.Select(e => e.Delivery.DeliveryId));
            return true;
        }

        if (!closed)
        {
            if (batch.Damaged)
            {
                LogDamagedLive(logger, path, _position.Offset);
            }

            return false;
        }

        if (batch.Damaged)
        {
            // What a crash or a power loss cut short was never acknowledged: GitHub saw no 202 and will redeliver it.
            LogTornTail(logger, path, _position.Offset, limit - _position.Offset);
        }

        var next = JournalSegments.List(directory).Where(n => n > _position.Segment).DefaultIfEmpty(end.Segment).Min();
        _position = new JournalPosition(next, 0);
        checkpoint.Write(_position);
        JournalSegments.DeleteBefore(directory, next);
        return true;
    }

    [LoggerMessage(EventId = 3101, Level = LogLevel.Warning,
        Message = "Journal segment {Segment} ends in {Bytes} bytes that are not a whole record (from offset {Offset}): ignored")]
    private static partial void LogTornTail(ILogger logger, string segment, long offset, long bytes);

    [LoggerMessage(EventId = 3102, Level = LogLevel.Error,
        Message = "Journal segment {Segment} holds bytes that are not a record at offset {Offset} while it is written; not moving past")]
    private static partial void LogDamagedLive(ILogger logger, string segment, long offset);
}
