using System.Buffers;
using System.Buffers.Binary;
using System.IO.Hashing;
using System.Text;

namespace CourseBot.Core.Storage.Journal;

/// <summary>
/// One delivery in a journal segment: <c>[u32 payload length][u32 CRC-32 of the payload][payload]</c>, the payload being
/// <c>[u8 version][i64 received, Unix ms][id][event][i32 header count]([name][value])*[i32 body length][body]</c> with each
/// string as <c>[i32 UTF-8 length][bytes]</c>. The length and the checksum make a torn or garbled tail detectable: a record
/// is either read whole and intact or not at all.
/// </summary>
internal static class JournalRecord
{
    public const int HeaderBytes = 8;

    /// <summary>Larger than any delivery the ingress accepts (GitHub caps payloads at 25 MB); a longer length is garbage.</summary>
    public const int MaxPayloadBytes = 64 * 1024 * 1024;

    private const byte Version = 1;

    /// <summary>The whole record in a pooled array (return it with <see cref="ArrayPool{T}.Shared"/>); its length in
    /// <paramref name="length"/>.</summary>
    public static byte[] Encode(WebhookDelivery delivery, long receivedAt, out int length)
    {
        var payload = 1 + 8 + Size(delivery.DeliveryId) + Size(delivery.Event) + 4 + 4 + delivery.Body.Length;
        foreach (var (name, value) in delivery.Headers)
        {
            payload += Size(name) + Size(value);
        }

        length = HeaderBytes + payload;
        var buffer = ArrayPool<byte>.Shared.Rent(length);
        var span = buffer.AsSpan(HeaderBytes, payload);
        span[0] = Version;
        BinaryPrimitives.WriteInt64LittleEndian(span[1..], receivedAt);
        var at = 9;
        at += Write(span[at..], delivery.DeliveryId);
        at += Write(span[at..], delivery.Event);
        BinaryPrimitives.WriteInt32LittleEndian(span[at..], delivery.Headers.Count);
        at += 4;
        foreach (var (name, value) in delivery.Headers)
        {
            at += Write(span[at..], name);
            at += Write(span[at..], value);
        }

        BinaryPrimitives.WriteInt32LittleEndian(span[at..], delivery.Body.Length);
        delivery.Body.Span.CopyTo(span[(at + 4)..]);
        BinaryPrimitives.WriteUInt32LittleEndian(buffer, (uint)payload);
        BinaryPrimitives.WriteUInt32LittleEndian(buffer.AsSpan(4), Crc32.HashToUInt32(span));
        return buffer;
    }

    /// <summary>
    /// Reads the record at the start of <paramref name="buffer"/>: <see cref="JournalReadStatus.Incomplete"/> when the buffer ends
    /// inside it (<paramref name="needed"/> says how many bytes it takes), <see cref="JournalReadStatus.Corrupt"/> when its
    /// length is impossible or its checksum does not match.
    /// </summary>
    public static JournalReadStatus TryRead(ReadOnlySpan<byte> buffer, out JournalEntry? entry, out int needed)
    {
        entry = null;
        needed = HeaderBytes;
        if (buffer.Length < HeaderBytes)
        {
            return JournalReadStatus.Incomplete;
        }

        var payload = BinaryPrimitives.ReadUInt32LittleEndian(buffer);
        if (payload is < 1 + 8 + 4 + 4 + 4 + 4 or > MaxPayloadBytes)
        {
            return JournalReadStatus.Corrupt;
        }

        needed = HeaderBytes + (int)payload;
        if (buffer.Length < needed)
        {
            return JournalReadStatus.Incomplete;
        }

        var span = buffer.Slice(HeaderBytes, (int)payload);
        if (Crc32.HashToUInt32(span) != BinaryPrimitives.ReadUInt32LittleEndian(buffer[4..]) || span[0] != Version)
        {
            return JournalReadStatus.Corrupt;
        }

        entry = Decode(span, needed);
        return entry is null ? JournalReadStatus.Corrupt : JournalReadStatus.Record;
    }

    private static JournalEntry? Decode(ReadOnlySpan<byte> span, int recordLength)
    {
        try
        {
            var receivedAt = BinaryPrimitives.ReadInt64LittleEndian(span[1..]);
            var at = 9;
            var id = Read(span, ref at);
            var eventName = Read(span, ref at);
            var count = BinaryPrimitives.ReadInt32LittleEndian(span[at..]);
            at += 4;
            var headers = new Dictionary<string, string>(Math.Clamp(count, 0, 64), StringComparer.OrdinalIgnoreCase);
            for (var i = 0; i < count; i++)
            {
                var name = Read(span, ref at);
                headers[name] = Read(span, ref at);
            }

            var bodyLength = BinaryPrimitives.ReadInt32LittleEndian(span[at..]);
            var body = span.Slice(at + 4, bodyLength).ToArray();
            return new JournalEntry(new WebhookDelivery(id, eventName, headers, body), receivedAt, recordLength);
        }
        catch (ArgumentOutOfRangeException)
        {
            // A checksum that matches over fields that do not fit: written by something else; treated as garbage.
            return null;
        }
    }

    private static int Size(string text) => 4 + Encoding.UTF8.GetByteCount(text);

    private static int Write(Span<byte> span, string text)
    {
        var written = Encoding.UTF8.GetBytes(text, span[4..]);
        BinaryPrimitives.WriteInt32LittleEndian(span, written);
        return 4 + written;
    }

    private static string Read(ReadOnlySpan<byte> span, ref int at)
    {
        var length = BinaryPrimitives.ReadInt32LittleEndian(span[at..]);
        var text = Encoding.UTF8.GetString(span.Slice(at + 4, length));
        at += 4 + length;
        return text;
    }
}
