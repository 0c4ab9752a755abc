using System.Collections.Concurrent;
using Microsoft.Win32.SafeHandles;

namespace CourseBot.Core.Storage.Journal;

/// <summary>
/// The append side of the delivery journal, with group commit: each caller queues its encoded record; the caller that finds no
/// writer at work becomes it and writes every record waiting at that moment in one <c>pwritev</c>, and a caller returns
/// only once its own record is in the file. Thirty-two webhooks arriving together cost one system call, not 32 SQLite
/// transactions.
/// <para>
/// Durability, the same as the SQLite store's (WAL with <c>synchronous=NORMAL</c>, which commits without fsync): once
/// <see cref="AppendAsync"/> returns, the record is in the operating system's page cache, so it survives the process being
/// killed (<c>kill -9</c>, a crash, an out-of-memory kill) but the last batches may be lost if the machine loses power or
/// the kernel crashes. A record cut short by that is detected by its length and checksum and skipped on restart.
/// </para>
/// <para>
/// Every start writes to a new segment, so nothing is ever appended after a torn tail; a segment is closed and the next
/// one started once it holds <c>JournalSegmentBytes</c>.
/// </para>
/// </summary>
internal sealed class DeliveryJournal : IDisposable
{
    private const int MaxBatchRecords = 1024;
    private const long MaxBatchBytes = 8 * 1024 * 1024;
    private readonly string _directory;
    private readonly long _segmentBytes;
    private readonly ConcurrentQueue<PendingAppend> _waiting = new();
    private SafeFileHandle _file;
    private JournalPosition _end;
    private int _writing;

    /// <param name="directory">The journal's folder.</param>
    /// <param name="segmentBytes">The size at which a segment is closed.</param>
    /// <param name="after">The highest segment number used before (present or already moved and deleted).</param>
    public DeliveryJournal(string directory, long segmentBytes, long after)
    {
        _directory = directory;
        _segmentBytes = segmentBytes;
        _end = new JournalPosition(after + 1, 0);
        _file = Create(after + 1);
    }

    /// <summary>The segment being written and how much of it is written: readers never read past it.</summary>
    public JournalPosition End => Volatile.Read(ref _end);

    /// <summary>Writes the record (the first <paramref name="length"/> bytes) and returns once it is in the file.</summary>
    public async Task AppendAsync(byte[] record, int length)
    {
        var pending = new PendingAppend(record, length, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        _waiting.Enqueue(pending);
        // The first caller to find no writer becomes it and writes what is queued, its own record and others'; the rest
        // only wait for their record (no queue of callers taking the turn one after another just to find theirs written).
        // Not cancellable: a queued record is always written (its id is already counted as received).
        while (!_waiting.IsEmpty && Interlocked.CompareExchange(ref _writing, 1, 0) == 0)
        {
            try
            {
                while (!_waiting.IsEmpty)
                {
                    WriteWaiting();
                }
            }
            finally
            {
                // Released, then the queue looked at again: a record queued just before the release is written by
                // this caller, unless a new one has taken the turn meanwhile.
                Volatile.Write(ref _writing, 0);
            }
        }

        await pending.Done.Task.ConfigureAwait(false);
    }

    private void WriteWaiting()
    {
        var batch = new List<PendingAppend>();
        var buffers = new List<ReadOnlyMemory<byte>>();
        long bytes = 0;
        while (batch.Count < MaxBatchRecords && bytes < MaxBatchBytes && _waiting.TryDequeue(out var next))
        {
            batch.Add(next);
            buffers.Add(next.Record.AsMemory(0, next.Length));
            bytes += next.Length;
        }

        try
        {
            var end = _end;
            if (end.Offset > 0 && end.Offset + bytes > _segmentBytes)
            {
                end = Rotate(end.Segment + 1);
            }

            RandomAccess.Write(_file, buffers, end.Offset);
            Volatile.Write(ref _end, end with { Offset = end.Offset + bytes });
            batch.ForEach(item => item.Done.TrySetResult());
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Nothing after a failed write is trusted: the next batch starts a new segment at a known offset.
            batch.ForEach(item => item.Done.TrySetException(ex));
            TryRotateAfterFailure();
        }
    }

    private JournalPosition Rotate(long segment)
    {
        var next = Create(segment);
        var closed = _file;
        _file = next;
        closed.Dispose();
        var end = new JournalPosition(segment, 0);
        Volatile.Write(ref _end, end);
        return end;
    }

    private void TryRotateAfterFailure()
    {
        try
        {
            Rotate(_end.Segment + 1);
        }
        catch (IOException)
        {
            // The disk refuses new files too: the next append fails again and is refused to GitHub, which redelivers.
        }
    }

    private SafeFileHandle Create(long segment) => File.OpenHandle(
        JournalSegments.PathOf(_directory, segment), FileMode.CreateNew, FileAccess.Write, FileShare.Read | FileShare.Delete);

    public void Dispose()
    {
        _file.Dispose();
    }

    private sealed record PendingAppend(byte[] Record, int Length, TaskCompletionSource Done);
}
