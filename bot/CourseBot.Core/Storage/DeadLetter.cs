namespace CourseBot.Core.Storage;

/// <summary>A delivery that failed every attempt, with its last error.</summary>
public sealed record DeadLetter(string Id, string DeliveryId, string Event, int Attempts, string Error, DateTimeOffset FailedAt);
