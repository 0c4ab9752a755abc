using System.Buffers.Binary;
using System.IO.Hashing;

namespace CourseBot.Core.Storage.Journal;

/// <summary>
/// How far the journal has been moved into the inbox, in the file <c>checkpoint</c>: written after the inbox committed the
/// records before it, replaced whole (written beside it, then renamed over it). A checkpoint that is behind (a crash
/// between the commit and the rename) makes records move twice, which the inbox ignores by delivery id; an unreadable
/// one makes the pump start again from the oldest segment, with the same effect.
/// </summary>
internal sealed class JournalCheckpoint(string directory)
{
    private readonly string _path = Path.Combine(directory, "checkpoint");
    private readonly string _next = Path.Combine(directory, "checkpoint.next");

    public JournalPosition? Read()
    {
        try
        {
            var bytes = File.ReadAllBytes(_path);
            if (bytes.Length != 20 || Crc32.HashToUInt32(bytes.AsSpan(0, 16)) != BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(16)))
            {
                return null;
            }

            return new JournalPosition(
                BinaryPrimitives.ReadInt64LittleEndian(bytes), BinaryPrimitives.ReadInt64LittleEndian(bytes.AsSpan(8)));
        }
        catch (FileNotFoundException)
        {
            return null;
        }
    }

    public void Write(JournalPosition position)
    {
        var bytes = new byte[20];
        BinaryPrimitives.WriteInt64LittleEndian(bytes, position.Segment);
        BinaryPrimitives.WriteInt64LittleEndian(bytes.AsSpan(8), position.Offset);
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(16), Crc32.HashToUInt32(bytes.AsSpan(0, 16)));
        File.WriteAllBytes(_next, bytes);
        File.Move(_next, _path, overwrite: true);
    }
}
