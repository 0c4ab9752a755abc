using CourseBot.Core.Storage;
using CourseBot.Storage.Azure;
using CourseBot.Tests.Infrastructure;

namespace CourseBot.Tests.Webhooks;

/// <summary>The Azure inbox against Azurite, started for this test class and stopped after it.</summary>
[Collection(AzuriteGroup.Name)]
public sealed class AzureDeliveryInboxContract : DeliveryInboxContract, IAsyncLifetime
{
    private readonly AzureDeliveryInbox _inbox;

    public AzureDeliveryInboxContract(Azurite azurite)
    {
        ArgumentNullException.ThrowIfNull(azurite);
        _inbox = new AzureDeliveryInbox(azurite.ConnectionString, "t" + Guid.NewGuid().ToString("N")[..10], TimeProvider.System);
    }

    protected override IDeliveryInbox Inbox => _inbox;

    public Task InitializeAsync() => _inbox.InitializeAsync(CancellationToken.None);

    public Task DisposeAsync() => Task.CompletedTask;
}
