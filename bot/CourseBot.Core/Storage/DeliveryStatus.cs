namespace CourseBot.Core.Storage;

/// <summary>Where a delivery stands: received, processed (or not yet), dead-lettered.</summary>
public sealed record DeliveryStatus(
    string DeliveryId,
    string Event,
    DateTimeOffset ReceivedAt,
    DateTimeOffset? ProcessedAt,
    bool DeadLettered
);
