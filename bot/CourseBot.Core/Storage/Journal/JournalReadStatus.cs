namespace CourseBot.Core.Storage.Journal;

/// <summary>What is at a position in a journal segment.</summary>
internal enum JournalReadStatus
{
    Record,
    Incomplete,
    Corrupt,
}
