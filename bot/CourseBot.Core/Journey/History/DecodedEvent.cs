using CourseBot.Core.Storage;

namespace CourseBot.Core.Journey.History;

/// <summary>
/// A history entry with its data decoded at most once: the ledger, progress, capstone status and schedule all read the same
/// entry, and parsing its JSON again for each of them was most of a cohort view's time. The data is decoded on first use,
/// so an entry no reader asks about (a bot's bookkeeping record a view skips) is never parsed.
/// </summary>
public sealed class DecodedEvent(LearnerEvent entry)
{
    private LearnerEventData? _data;
    private bool _decoded;

    public LearnerEvent Entry { get; } = entry ?? throw new ArgumentNullException(nameof(entry));

    /// <summary>
    /// The entry's record, or null when its kind is unknown or its JSON does not parse (as
    /// <see cref="LearnerEventJson.Read(LearnerEvent)"/>).
    /// </summary>
    public LearnerEventData? Data
    {
        get
        {
            // A race between two readers only decodes twice; each result is the same immutable record.
            if (!Volatile.Read(ref _decoded))
            {
                _data = LearnerEventJson.Read(Entry);
                Volatile.Write(ref _decoded, true);
            }

            return _data;
        }
    }

    public string Kind => Entry.Kind;

    public string Subject => Entry.Subject;

    public DateTimeOffset At => Entry.At;

    public long Sequence => Entry.Sequence;

    /// <summary>The data if it is a <typeparamref name="T"/>, or null.</summary>
    public T? Read<T>() where T : LearnerEventData => Data as T;

    /// <summary>Every entry wrapped, in the order given (nothing is decoded yet).</summary>
    public static IReadOnlyList<DecodedEvent> Of(IReadOnlyList<LearnerEvent> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        var decoded = new DecodedEvent[events.Count];
        for (var i = 0; i < decoded.Length; i++)
        {
            decoded[i] = new DecodedEvent(events[i]);
        }

        return decoded;
    }
}
