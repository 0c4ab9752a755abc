using CourseBot.Core.Journey.History;

namespace CourseBot.Core.Storage;

/// <summary>
/// The learner history in the same SQLite file as the inbox (WAL). <c>learner_heads</c> holds each repository's last
/// sequence and its snapshot (<see cref="ILearnerSnapshots"/>): a trigger on every insert replaces the row, which both moves
/// the head and drops the snapshot in the append's own transaction, whoever writes the event.
/// </summary>
public sealed class SqliteLearnerEvents : ILearnerEvents, ILearnerSnapshots
{
    /// <summary>Snapshots saved per transaction: the write gate is given back between batches, so webhooks are not held up.</summary>
    private const int SnapshotBatch = 500;

    private readonly SqliteDatabase _database;
    private readonly TimeProvider _time;

    public SqliteLearnerEvents(string path, TimeProvider time)
    {
        _time = time;
        _database = new SqliteDatabase(path, """
            CREATE TABLE IF NOT EXISTS learner_events (
                seq INTEGER PRIMARY KEY AUTOINCREMENT, repository TEXT NOT NULL, kind TEXT NOT NULL,
                subject TEXT NOT NULL, at INTEGER NOT NULL, data TEXT NOT NULL);
            CREATE INDEX IF NOT EXISTS learner_events_repository ON learner_events (repository, seq);
            CREATE TABLE IF NOT EXISTS learner_heads (
                repository TEXT PRIMARY KEY, last_seq INTEGER NOT NULL, snapshot_key TEXT, snapshot TEXT);
            BEGIN IMMEDIATE;
            -- A database from before the heads: fill them from the events once, in the transaction that adds the trigger,
            -- so no append falls between the two.
            INSERT OR IGNORE INTO learner_heads (repository, last_seq)
                SELECT repository, MAX(seq) FROM learner_events
                WHERE NOT EXISTS (SELECT 1 FROM sqlite_master WHERE type = 'trigger' AND name = 'learner_events_head')
                GROUP BY repository;
            CREATE TRIGGER IF NOT EXISTS learner_events_head AFTER INSERT ON learner_events BEGIN
                INSERT OR REPLACE INTO learner_heads (repository, last_seq) VALUES (new.repository, new.seq);
            END;
            COMMIT;
            """);
    }

    public async Task<LearnerEvent> AppendAsync(string repository, string kind, string subject, string data, CancellationToken cancel)
    {
        using var gate = await _database.Gate.EnterAsync(urgent: false, cancel).ConfigureAwait(false);
        await using var connection = _database.Open();
        await using var command = connection.CreateCommand();
        command.CommandText =
            "INSERT INTO learner_events (repository, kind, subject, at, data) VALUES ($repository, $kind, $subject, $at, $data) RETURNING "
            + "seq";
        var at = _time.GetUtcNow();
        command.Parameters.AddWithValue("$repository", repository);
        command.Parameters.AddWithValue("$kind", kind);
        command.Parameters.AddWithValue("$subject", subject);
        command.Parameters.AddWithValue("$at", at.ToUnixTimeMilliseconds());
        command.Parameters.AddWithValue("$data", data);
        var seq = Convert.ToInt64(
            await command.ExecuteScalarAsync(cancel).ConfigureAwait(false),
            System.Globalization.CultureInfo.InvariantCulture
        );
        _database.AfterWrite();
        return new LearnerEvent(seq, repository, kind, subject, at, data);
    }

    public async Task<IReadOnlyList<string>> LearnersAsync(CancellationToken cancel)
    {
        await using var connection = _database.Open();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT DISTINCT repository FROM learner_events WHERE kind = $kind ORDER BY repository";
        command.Parameters.AddWithValue("$kind", LearnerEventKinds.Enrolled);
        await using var reader = await command.ExecuteReaderAsync(cancel).ConfigureAwait(false);
        var learners = new List<string>();
        while (await reader.ReadAsync(cancel).ConfigureAwait(false))
        {
            learners.Add(reader.GetString(0));
        }

        return learners;
    }

    public async IAsyncEnumerable<IReadOnlyList<LearnerEvent>> ReadEveryHistoryAsync(
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancel)
    {
        await using var connection = _database.Open();
        await using var command = connection.CreateCommand();
        // The (repository, seq) index gives the order, so the rows stream without a sort.
        command.CommandText = "SELECT seq, repository, kind, subject, at, data FROM learner_events ORDER BY repository, seq";
        await using var reader = await command.ExecuteReaderAsync(cancel).ConfigureAwait(false);
        var events = new List<LearnerEvent>();
        while (await reader.ReadAsync(cancel).ConfigureAwait(false))
        {
            var entry = Row(reader);
            if (events.Count > 0 && !string.Equals(events[0].Repository, entry.Repository, StringComparison.Ordinal))
            {
                yield return events;
                events = [];
            }

            events.Add(entry);
        }

        if (events.Count > 0)
        {
            yield return events;
        }
    }

    public async IAsyncEnumerable<LearnerHead> ReadHeadsAsync(
        string key, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancel)
    {
        await using var connection = _database.Open();
        await using var command = connection.CreateCommand();
        // In the table's order (no sort, no lookups through the key's index): callers order the rows themselves.
        command.CommandText = "SELECT repository, last_seq, CASE WHEN snapshot_key = $key THEN snapshot END FROM learner_heads";
        command.Parameters.AddWithValue("$key", key);
        await using var reader = await command.ExecuteReaderAsync(cancel).ConfigureAwait(false);
        while (await reader.ReadAsync(cancel).ConfigureAwait(false))
        {
            yield return new LearnerHead(reader.GetString(0), reader.GetInt64(1), reader.IsDBNull(2) ? null : reader.GetString(2));
        }
    }

    public async Task SaveSnapshotsAsync(string key, IReadOnlyList<LearnerSnapshot> snapshots, CancellationToken cancel)
    {
        ArgumentNullException.ThrowIfNull(snapshots);
        foreach (var batch in snapshots.Chunk(SnapshotBatch))
        {
            using var gate = await _database.Gate.EnterAsync(urgent: false, cancel).ConfigureAwait(false);
            await using var connection = _database.Open();
            await using var transaction = (Microsoft.Data.Sqlite.SqliteTransaction)await connection.BeginTransactionAsync(cancel)
                .ConfigureAwait(false);
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            // Only at the head it was derived from: an event appended since replaced the row and moved last_seq on.
            command.CommandText = "UPDATE learner_heads SET snapshot_key = $key, snapshot = $data "
                + "WHERE repository = $repository AND last_seq = $through";
            command.Parameters.AddWithValue("$key", key);
            var (repository, through, data) = (command.Parameters.Add("$repository", Microsoft.Data.Sqlite.SqliteType.Text),
                command.Parameters.Add("$through", Microsoft.Data.Sqlite.SqliteType.Integer),
                command.Parameters.Add("$data", Microsoft.Data.Sqlite.SqliteType.Text));
            foreach (var snapshot in batch)
            {
                (repository.Value, through.Value, data.Value) = (snapshot.Repository, snapshot.Through, snapshot.Data);
                await command.ExecuteNonQueryAsync(cancel).ConfigureAwait(false);
            }

            await transaction.CommitAsync(cancel).ConfigureAwait(false);
            _database.AfterWrite();
        }
    }

    public async Task<IReadOnlyList<LearnerEvent>> ReadAsync(string repository, CancellationToken cancel)
    {
        await using var connection = _database.Open();
        await using var command = connection.CreateCommand();
        command.CommandText =
            "SELECT seq, repository, kind, subject, at, data FROM learner_events WHERE repository = $repository ORDER BY seq";
        command.Parameters.AddWithValue("$repository", repository);
        await using var reader = await command.ExecuteReaderAsync(cancel).ConfigureAwait(false);
        var events = new List<LearnerEvent>();
        while (await reader.ReadAsync(cancel).ConfigureAwait(false))
        {
            events.Add(Row(reader));
        }

        return events;
    }

    private static LearnerEvent Row(Microsoft.Data.Sqlite.SqliteDataReader reader) => new(
        reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetString(3),
        DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(4)), reader.GetString(5));
}
