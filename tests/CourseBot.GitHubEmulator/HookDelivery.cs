namespace CourseBot.GitHubEmulator;

/// <summary>
/// One webhook delivery as <c>GET /app/hook/deliveries</c> lists it: <paramref name="StatusCode"/> is the receiver's HTTP
/// status (0 when GitHub could not connect), <paramref name="Status"/> GitHub's summary ("OK", "Invalid HTTP Response: 500").
/// </summary>
public sealed record HookDelivery(
    long Id, string DeliveryGuid, DateTimeOffset DeliveredAt, string Event, string? Action, int StatusCode, string Status, double Duration)
{
    public bool Redelivery { get; init; }

    public long? InstallationId { get; init; }

    public long? RepositoryId { get; init; }
}
