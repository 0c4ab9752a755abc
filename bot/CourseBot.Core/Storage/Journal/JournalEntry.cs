namespace CourseBot.Core.Storage.Journal;

/// <summary>A delivery read back from the journal, when it was received, and how many bytes its record takes.</summary>
internal sealed record JournalEntry(WebhookDelivery Delivery, long ReceivedAt, int RecordLength);
