namespace CourseBot.Core.Storage.Journal;

/// <summary>
/// Records read from one segment, the offset after the last of them, and whether reading stopped at bytes that are not a
/// whole intact record (a torn tail, in a segment no longer written to).
/// </summary>
internal sealed record JournalBatch(List<JournalEntry> Entries, long NextOffset, bool Damaged);
