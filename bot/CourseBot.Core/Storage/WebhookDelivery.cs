namespace CourseBot.Core.Storage;

/// <summary>A webhook delivery as stored: enough to process it again, whenever and wherever.</summary>
public sealed record WebhookDelivery(
    string DeliveryId,
    string Event,
    IReadOnlyDictionary<string, string> Headers,
    ReadOnlyMemory<byte> Body
);
