namespace CourseBot.Storage.Azure;

internal sealed record QueueEnvelope(string DeliveryId, string Event, Dictionary<string, string> Headers, string? Body, string? BlobName);
