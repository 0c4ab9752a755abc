using CourseBot.Core.Oidc;
using CourseBot.Storage.Azure;
using CourseBot.Tests.Infrastructure;

namespace CourseBot.Tests.Webhooks;

[Collection(AzuriteGroup.Name)]
public sealed class AzureReplayGuardContract(Azurite azurite) : ReplayGuardContract, IAsyncLifetime
{
    private readonly string _prefix = "r" + Guid.NewGuid().ToString("N")[..10];

    public Task InitializeAsync() => New().InitializeAsync(CancellationToken.None);

    public Task DisposeAsync() => Task.CompletedTask;

    protected override IReplayGuard Instance() => New();

    protected override async Task<long> CountAsync() => await New().CountAsync(CancellationToken.None);

    protected override Task PruneAsync(IReplayGuard guard, int tokens) => ((AzureReplayGuard)guard).PruneAsync(CancellationToken.None);

    private AzureReplayGuard New() =>
        new(azurite?.ConnectionString ?? throw new ArgumentNullException(nameof(azurite)), _prefix, TimeProvider.System);
}
