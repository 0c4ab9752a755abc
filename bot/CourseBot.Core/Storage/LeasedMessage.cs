namespace CourseBot.Core.Storage;

/// <summary>A delivery leased from the queue for one processing attempt; <see cref="Receipt"/> proves the lease (Azure's pop
/// receipt).</summary>
public sealed record LeasedMessage(string Id, string Receipt, WebhookDelivery Delivery, int Attempt);
