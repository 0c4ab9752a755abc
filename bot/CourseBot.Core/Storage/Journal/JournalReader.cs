using Microsoft.Win32.SafeHandles;

namespace CourseBot.Core.Storage.Journal;

/// <summary>
/// Reads records back from a segment file, never past the length the writer has published. Its read buffer is kept from
/// one batch to the next (a fresh 4 MB array per batch would land on the large-object heap and cost a full collection
/// while the backlog drains).
/// </summary>
internal sealed class JournalReader
{
    private const int ChunkBytes = 4 * 1024 * 1024;
    private byte[] _buffer = [];

    /// <summary>Up to <paramref name="maxRecords"/> whole records between <paramref name="offset"/> and <paramref name="limit"/>.</summary>
    public JournalBatch Read(string path, long offset, long limit, int maxRecords)
    {
        var entries = new List<JournalEntry>();
        if (!File.Exists(path))
        {
            return new JournalBatch(entries, offset, Damaged: false);
        }

        using SafeFileHandle file = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        var wanted = (int)Math.Min(ChunkBytes, Math.Max(0, limit - offset));
        if (_buffer.Length < wanted)
        {
            _buffer = new byte[wanted];
        }

        var buffer = _buffer;
        while (entries.Count < maxRecords && offset < limit)
        {
            var size = (int)Math.Min(buffer.Length, limit - offset);
            var read = ReadFully(file, buffer.AsSpan(0, size), offset);
            var at = 0;
            var status = JournalReadStatus.Record;
            var needed = 0;
            while (entries.Count < maxRecords && at < read)
            {
                status = JournalRecord.TryRead(buffer.AsSpan(at, read - at), out var entry, out needed);
                if (status != JournalReadStatus.Record)
                {
                    break;
                }

                entries.Add(entry!);
                at += entry!.RecordLength;
            }

            offset += at;
            if (status == JournalReadStatus.Corrupt || (status == JournalReadStatus.Incomplete && offset + needed > limit))
            {
                return new JournalBatch(entries, offset, Damaged: true);
            }

            if (status == JournalReadStatus.Incomplete && needed > buffer.Length)
            {
                // One record larger than the chunk (a body of several MB): read it whole next time round.
                buffer = _buffer = new byte[needed];
            }
            else if (at == 0 && read < size)
            {
                // The file is shorter than the length given (it was cut): what is missing is a torn tail.
                return new JournalBatch(entries, offset, Damaged: true);
            }
        }

        return new JournalBatch(entries, offset, Damaged: false);
    }

    private static int ReadFully(SafeFileHandle file, Span<byte> buffer, long offset)
    {
        var total = 0;
        while (total < buffer.Length)
        {
            var read = RandomAccess.Read(file, buffer[total..], offset + total);
            if (read == 0)
            {
                break;
            }

            total += read;
        }

        return total;
    }
}
