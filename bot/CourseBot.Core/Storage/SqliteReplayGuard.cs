using CourseBot.Core.Oidc;

namespace CourseBot.Core.Storage;

/// <summary>
/// Used token ids in the bot's SQLite file: the primary key makes "first one wins" atomic across
/// processes sharing the file. Rows past their token's expiry are pruned as new ones arrive (an
/// expired token is refused by its <c>exp</c> claim anyway).
/// </summary>
public sealed class SqliteReplayGuard : IReplayGuard
{
    private const int PruneEvery = 100;
    private readonly SqliteDatabase _database;
    private readonly TimeProvider _time;
    private int _accepted;

    public SqliteReplayGuard(string path, TimeProvider time)
    {
        _time = time;
        _database = new SqliteDatabase(path, """
            CREATE TABLE IF NOT EXISTS used_tokens (jti TEXT PRIMARY KEY, expires INTEGER NOT NULL) WITHOUT ROWID;
            CREATE INDEX IF NOT EXISTS used_tokens_expires ON used_tokens (expires);
            """);
    }

    public async Task<bool> TryAcceptAsync(string tokenId, DateTimeOffset expires, CancellationToken cancel)
    {
        ArgumentException.ThrowIfNullOrEmpty(tokenId);
        bool inserted;
        // A grade's sender waits for this answer: it goes before the background writers.
        using (await _database.Gate.EnterAsync(urgent: true, cancel).ConfigureAwait(false))
        {
            await using var connection = _database.Open();
            await using var command = connection.CreateCommand();
            command.CommandText = "INSERT INTO used_tokens (jti, expires) VALUES ($jti, $expires) ON CONFLICT (jti) DO NOTHING";
            command.Parameters.AddWithValue("$jti", tokenId);
            command.Parameters.AddWithValue("$expires", expires.ToUnixTimeSeconds());
            inserted = await command.ExecuteNonQueryAsync(cancel).ConfigureAwait(false) == 1;
        }

        _database.AfterWrite();
        if (inserted && Interlocked.Increment(ref _accepted) % PruneEvery == 0)
        {
            await PruneAsync(cancel).ConfigureAwait(false);
        }

        return inserted;
    }

    /// <summary>Forgets the ids of tokens that have expired (they are refused by their <c>exp</c> claim from then on).</summary>
    public async Task PruneAsync(CancellationToken cancel)
    {
        using var gate = await _database.Gate.EnterAsync(urgent: false, cancel).ConfigureAwait(false);
        await using var connection = _database.Open();
        await using var prune = connection.CreateCommand();
        prune.CommandText = "DELETE FROM used_tokens WHERE expires < $now";
        prune.Parameters.AddWithValue("$now", _time.GetUtcNow().ToUnixTimeSeconds());
        await prune.ExecuteNonQueryAsync(cancel).ConfigureAwait(false);
        _database.AfterWrite();
    }

    /// <summary>How many token ids are remembered (tests check the pruning).</summary>
    internal async Task<long> CountAsync(CancellationToken cancel)
    {
        await using var connection = _database.Open();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM used_tokens";
        return (long)(await command.ExecuteScalarAsync(cancel).ConfigureAwait(false))!;
    }
}
