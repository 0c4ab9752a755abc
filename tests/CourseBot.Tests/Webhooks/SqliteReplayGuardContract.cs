using CourseBot.Core.Oidc;
using CourseBot.Core.Storage;

namespace CourseBot.Tests.Webhooks;

public sealed class SqliteReplayGuardContract : ReplayGuardContract, IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("coursebot-replay-").FullName;

    private string Database => Path.Combine(_dir, "coursebot.db");

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    protected override IReplayGuard Instance() => new SqliteReplayGuard(Database, TimeProvider.System);

    protected override Task<long> CountAsync() => new SqliteReplayGuard(Database, TimeProvider.System).CountAsync(CancellationToken.None);

    protected override Task PruneAsync(IReplayGuard guard, int tokens) => ((SqliteReplayGuard)guard).PruneAsync(CancellationToken.None);
}
