namespace CourseBot.Core.Storage;

/// <summary>
/// Durable intake and queue of webhook deliveries. <see cref="TryEnqueueAsync"/> stores the delivery
/// before anything is acknowledged; a repeated delivery id is recorded once. Messages are leased,
/// so a process that dies mid-work leaves its message to be leased again when the lease ends.
/// </summary>
public interface IDeliveryInbox
{
    /// <summary>Stores and enqueues; false when this delivery id was seen before (nothing is enqueued).</summary>
    Task<bool> TryEnqueueAsync(WebhookDelivery delivery, CancellationToken cancel);

    /// <summary>The next message whose time has come, leased for <paramref name="lease"/>; null when none.</summary>
    Task<LeasedMessage?> LeaseAsync(TimeSpan lease, CancellationToken cancel);

    Task CompleteAsync(LeasedMessage message, CancellationToken cancel);

    /// <summary>Records a failed attempt: retried after <paramref name="retryAfter"/>, or dead-lettered when <paramref
    /// name="deadLetter"/>.</summary>
    Task FailAsync(LeasedMessage message, string error, TimeSpan retryAfter, bool deadLetter, CancellationToken cancel);

    Task<IReadOnlyList<DeadLetter>> DeadLettersAsync(CancellationToken cancel);

    /// <summary>Moves dead letters back to the queue with fresh attempts: one by id, or all when <paramref name="id"/> is null. Returns how
    /// many.</summary>
    Task<int> ReplayAsync(string? id, CancellationToken cancel);

    Task<DeliveryStatus?> StatusAsync(string deliveryId, CancellationToken cancel);

    /// <summary>Messages waiting or leased (for health and tests).</summary>
    Task<int> PendingAsync(CancellationToken cancel);

    /// <summary>Depth and age of the oldest message, for the queue gauges and readiness: one cheap query.</summary>
    Task<QueueSnapshot> SnapshotAsync(CancellationToken cancel);
}
