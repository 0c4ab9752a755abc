using CourseBot.Core.Storage;
using CourseBot.Storage.Azure;
using CourseBot.Tests.Infrastructure;

namespace CourseBot.Tests.Webhooks;

[Collection(AzuriteGroup.Name)]
public sealed class BlobLeaseLearnerLocksContract : LearnerLocksContract, IAsyncLifetime
{
    private readonly BlobLeaseLearnerLocks _locks;

    public BlobLeaseLearnerLocksContract(Azurite azurite)
    {
        ArgumentNullException.ThrowIfNull(azurite);
        _locks = new BlobLeaseLearnerLocks(azurite.ConnectionString, "l" + Guid.NewGuid().ToString("N")[..10], TimeProvider.System);
    }

    protected override ILearnerLocks Locks => _locks;

    public Task InitializeAsync() => _locks.InitializeAsync(CancellationToken.None);

    public Task DisposeAsync() => Task.CompletedTask;
}
