using CourseBot.Core.Storage;
using CourseBot.Storage.Azure;
using CourseBot.Tests.Infrastructure;

namespace CourseBot.Tests.Webhooks;

[Collection(AzuriteGroup.Name)]
public sealed class AzureLearnerEventsContract : LearnerEventsContract, IAsyncLifetime
{
    private readonly AzureLearnerEvents _events;

    public AzureLearnerEventsContract(Azurite azurite)
    {
        ArgumentNullException.ThrowIfNull(azurite);
        _events = new AzureLearnerEvents(azurite.ConnectionString, "h" + Guid.NewGuid().ToString("N")[..10], TimeProvider.System);
    }

    protected override ILearnerEvents Events => _events;

    public Task InitializeAsync() => _events.InitializeAsync(CancellationToken.None);

    public Task DisposeAsync() => Task.CompletedTask;
}
