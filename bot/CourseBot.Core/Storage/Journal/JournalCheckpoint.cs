using System.Buffers.Binary;
using System.IO.Hashing;

namespace CourseBot.Core.Storage.Journal;

/// <summary>
/// How far the journal has been moved into the inbox, in the file <c>checkpoint</c>: 20 bytes (segment, offset, CRC-32)
/// rewritten in place after the inbox committed the records before it, one <c>pwrite</c> per batch. A checkpoint that is
/// behind (a crash between the commit and the write) makes records move twice, which the inbox ignores by delivery id; a
/// torn or unreadable one (its checksum) makes the pump start again from the oldest segment, with the same effect.
/// </summary>
internal sealed class JournalCheckpoint(string directory) : IDisposable
{
    private readonly string _path = Path.Combine(directory, "checkpoint");
    private Microsoft.Win32.SafeHandles.SafeFileHandle? _file;

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
        _file ??= File.OpenHandle(_path, FileMode.OpenOrCreate, FileAccess.Write, FileShare.ReadWrite);
        RandomAccess.Write(_file, bytes, 0);
    }

    public void Dispose() => _file?.Dispose();
}
