namespace CourseBot.Core.Storage.Journal;

/// <summary>A place in the journal: a segment's number and a byte offset in it.</summary>
internal sealed record JournalPosition(long Segment, long Offset);
