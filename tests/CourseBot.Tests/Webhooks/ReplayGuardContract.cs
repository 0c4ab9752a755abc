using CourseBot.Core.Oidc;

namespace CourseBot.Tests.Webhooks;

/// <summary>
/// Used token ids, kept in the store: a token is accepted once by one instance, then refused by the
/// same instance, a restarted one and a second one over the same store; expired ids are pruned.
/// Run against SQLite (a file two instances share) and Table Storage (Azurite).
/// </summary>
public abstract class ReplayGuardContract
{
    private static DateTimeOffset Soon => TimeProvider.System.GetUtcNow().AddMinutes(10);

    /// <summary>A new instance over the same store (a restarted bot, or another Functions instance).</summary>
    protected abstract IReplayGuard Instance();

    protected abstract Task<long> CountAsync();

    /// <summary>Deletes expired ids now (the stores also do it every 100 accepted ids).</summary>
    protected abstract Task PruneAsync(IReplayGuard guard, int tokens);

    [Fact]
    public async Task Token_IsAcceptedOnce_ByAnyInstance()
    {
        var first = Instance();
        var id = Guid.NewGuid().ToString();
        Assert.True(await first.TryAcceptAsync(id, Soon, CancellationToken.None));
        Assert.False(await first.TryAcceptAsync(id, Soon, CancellationToken.None));
        Assert.False(await Instance().TryAcceptAsync(id, Soon, CancellationToken.None));
        Assert.True(await Instance().TryAcceptAsync(Guid.NewGuid().ToString(), Soon, CancellationToken.None));
    }

    [Fact]
    public async Task SameToken_ToManyInstancesAtOnce_IsAcceptedExactlyOnce()
    {
        var instances = Enumerable.Range(0, 4).Select(_ => Instance()).ToList();
        for (var round = 0; round < 5; round++)
        {
            var id = Guid.NewGuid().ToString();
            var attempts = Enumerable.Range(0, 12)
                .Select(i => instances[i % instances.Count].TryAcceptAsync(id, Soon, CancellationToken.None));
            var accepted = await Task.WhenAll(attempts);
            Assert.Single(accepted, a => a);
        }
    }

    [Fact]
    public async Task ExpiredIds_ArePruned_LiveOnesKept()
    {
        var guard = Instance();
        var live = Guid.NewGuid().ToString();
        Assert.True(await guard.TryAcceptAsync(live, Soon, CancellationToken.None));
        var before = await CountAsync();
        const int Expired = 100;
        for (var i = 0; i < Expired; i++)
        {
            var expiredAt = TimeProvider.System.GetUtcNow().AddHours(-3);
            Assert.True(await guard.TryAcceptAsync(Guid.NewGuid().ToString(), expiredAt, CancellationToken.None));
        }

        await PruneAsync(guard, Expired);
        Assert.True(await CountAsync() <= before, $"{await CountAsync()} ids kept, {before} before the expired ones");
        Assert.False(await guard.TryAcceptAsync(live, Soon, CancellationToken.None));
    }
}
