using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace CourseBot.Core.Storage;

/// <summary>The embedded inbox: deliveries, the queue and dead letters in the store's SQLite file.</summary>
public sealed class SqliteDeliveryInbox : IDeliveryInbox
{
    private const int MaxBatch = 256;
    private readonly SqliteDatabase _database;
    private readonly TimeProvider _time;
    private readonly ConcurrentQueue<PendingEnqueue> _waiting = new();

    public SqliteDeliveryInbox(string path, TimeProvider time)
    {
        _time = time;
        _database = new SqliteDatabase(path, """
            CREATE TABLE IF NOT EXISTS deliveries (
                id TEXT PRIMARY KEY, event TEXT NOT NULL, received_at INTEGER NOT NULL, processed_at INTEGER);
            CREATE TABLE IF NOT EXISTS queue (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                delivery_id TEXT NOT NULL, event TEXT NOT NULL, headers TEXT NOT NULL, body BLOB NOT NULL,
                attempts INTEGER NOT NULL DEFAULT 0, visible_at INTEGER NOT NULL, last_error TEXT);
            CREATE INDEX IF NOT EXISTS queue_visible ON queue (visible_at);
            CREATE TABLE IF NOT EXISTS dead_letters (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                delivery_id TEXT NOT NULL, event TEXT NOT NULL, headers TEXT NOT NULL, body BLOB NOT NULL,
                attempts INTEGER NOT NULL, error TEXT NOT NULL, failed_at INTEGER NOT NULL);
            """);
    }

    /// <summary>
    /// Stores and enqueues before the caller acknowledges. Concurrent deliveries share one
    /// transaction (group commit): whoever takes the write lock writes every delivery waiting at that
    /// moment, and each caller returns only once its own row is committed. Intake is the gate's urgent
    /// writer: the worker's lease and completion writes wait behind it. Alone, a delivery is
    /// written on its caller's thread; under load, 32 webhooks arriving together cost one commit
    /// instead of 32 writers queuing for SQLite's single write lock.
    /// </summary>
    public async Task<bool> TryEnqueueAsync(WebhookDelivery delivery, CancellationToken cancel)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        var pending = new PendingEnqueue(delivery, new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously));
        _waiting.Enqueue(pending);
        using (await _database.Gate.EnterAsync(urgent: true, cancel).ConfigureAwait(false))
        {
            while (!pending.Done.Task.IsCompleted)
            {
                WriteWaiting();
            }
        }

        _database.AfterWrite();
        return await pending.Done.Task.ConfigureAwait(false);
    }

    private void WriteWaiting()
    {
        var batch = new List<PendingEnqueue>(Math.Min(_waiting.Count, MaxBatch));
        while (batch.Count < MaxBatch && _waiting.TryDequeue(out var item))
        {
            batch.Add(item);
        }

        try
        {
            var stored = WriteBatch(batch.ConvertAll(item => item.Delivery), receivedAt: null);
            for (var i = 0; i < batch.Count; i++)
            {
                batch[i].Done.TrySetResult(stored[i]);
            }
        }
        catch (Exception ex) when (ex is SqliteException or IOException or InvalidOperationException)
        {
            foreach (var item in batch)
            {
                item.Done.TrySetException(ex);
            }
        }
    }

    /// <summary>
    /// Moves deliveries from the journal in one transaction, with the time each was received. Idempotent by delivery id: a
    /// delivery moved before (a checkpoint written late, a redelivery journaled again) is not queued a second time.
    /// </summary>
    internal async Task StoreJournaledAsync(IReadOnlyList<Journal.JournalEntry> entries, CancellationToken cancel)
    {
        using (await _database.Gate.EnterAsync(urgent: false, cancel).ConfigureAwait(false))
        {
            WriteBatch([.. entries.Select(e => e.Delivery)], [.. entries.Select(e => e.ReceivedAt)]);
        }

        _database.AfterWrite();
    }

    /// <summary>One transaction for the batch; a repeated delivery id (in the store or in the batch) is stored once.</summary>
    private bool[] WriteBatch(List<WebhookDelivery> batch, long[]? receivedAt)
    {
        using var connection = Open();
        using var transaction = connection.BeginTransaction();
        using var insert = Command(
            connection,
            "INSERT OR IGNORE INTO deliveries (id, event, received_at) VALUES ($id, $event, $now)",
            transaction
        );
        using var enqueue = Command(
            connection,
            "INSERT INTO queue (delivery_id, event, headers, body, visible_at) VALUES ($id, $event, $headers, $body, $now)",
            transaction
        );
        var now = Now();
        var stored = new bool[batch.Count];
        for (var i = 0; i < batch.Count; i++)
        {
            var delivery = batch[i];
            insert.Parameters.Clear();
            insert.Parameters.AddWithValue("$id", delivery.DeliveryId);
            insert.Parameters.AddWithValue("$event", delivery.Event);
            insert.Parameters.AddWithValue("$now", receivedAt?[i] ?? now);
            if (insert.ExecuteNonQuery() == 0)
            {
                continue;
            }

            enqueue.Parameters.Clear();
            enqueue.Parameters.AddWithValue("$id", delivery.DeliveryId);
            enqueue.Parameters.AddWithValue("$event", delivery.Event);
            enqueue.Parameters.AddWithValue(
                "$headers",
                JsonSerializer.Serialize(delivery.Headers, StorageJsonContext.Default.IReadOnlyDictionaryStringString)
            );
            enqueue.Parameters.AddWithValue("$body", delivery.Body.ToArray());
            enqueue.Parameters.AddWithValue("$now", now);
            enqueue.ExecuteNonQuery();
            stored[i] = true;
        }

        transaction.Commit();
        return stored;
    }

    private sealed record PendingEnqueue(WebhookDelivery Delivery, TaskCompletionSource<bool> Done);

    public async Task<LeasedMessage?> LeaseAsync(TimeSpan lease, CancellationToken cancel)
    {
        using var gate = await _database.Gate.EnterAsync(urgent: false, cancel).ConfigureAwait(false);
        await using var connection = Open();
        var now = Now();
        await using var command = Command(connection, """
            UPDATE queue SET attempts = attempts + 1, visible_at = $until
            WHERE id = (SELECT id FROM queue WHERE visible_at <= $now ORDER BY visible_at, id LIMIT 1)
            RETURNING id, delivery_id, event, headers, body, attempts
            """);
        command.Parameters.AddWithValue("$now", now);
        command.Parameters.AddWithValue("$until", now + (long)lease.TotalMilliseconds);
        await using var reader = await command.ExecuteReaderAsync(cancel).ConfigureAwait(false);
        if (!await reader.ReadAsync(cancel).ConfigureAwait(false))
        {
            return null;
        }

        var headers = JsonSerializer.Deserialize(reader.GetString(3), StorageJsonContext.Default.IReadOnlyDictionaryStringString)
            ?? new Dictionary<string, string>();
        var delivery = new WebhookDelivery(reader.GetString(1), reader.GetString(2), headers, (byte[])reader.GetValue(4));
        var id = reader.GetInt64(0).ToString(System.Globalization.CultureInfo.InvariantCulture);
        return new LeasedMessage(id, id, delivery, reader.GetInt32(5));
    }

    public async Task CompleteAsync(LeasedMessage message, CancellationToken cancel)
    {
        ArgumentNullException.ThrowIfNull(message);
        using var gate = await _database.Gate.EnterAsync(urgent: false, cancel).ConfigureAwait(false);
        await using var connection = Open();
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancel).ConfigureAwait(false);
        await using (var delete = Command(connection, "DELETE FROM queue WHERE id = $id", transaction))
        {
            delete.Parameters.AddWithValue("$id", message.Id);
            await delete.ExecuteNonQueryAsync(cancel).ConfigureAwait(false);
        }

        await using (var done = Command(connection, "UPDATE deliveries SET processed_at = $now WHERE id = $delivery", transaction))
        {
            done.Parameters.AddWithValue("$delivery", message.Delivery.DeliveryId);
            done.Parameters.AddWithValue("$now", Now());
            await done.ExecuteNonQueryAsync(cancel).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancel).ConfigureAwait(false);
    }

    public async Task<DeliveryStatus?> StatusAsync(string deliveryId, CancellationToken cancel)
    {
        await using var connection = Open();
        await using var command = Command(connection, """
            SELECT id, event, received_at, processed_at, EXISTS (SELECT 1 FROM dead_letters WHERE delivery_id = deliveries.id)
            FROM deliveries WHERE id = $id
            """);
        command.Parameters.AddWithValue("$id", deliveryId);
        await using var reader = await command.ExecuteReaderAsync(cancel).ConfigureAwait(false);
        return await reader.ReadAsync(cancel).ConfigureAwait(false)
            ? new DeliveryStatus(reader.GetString(0), reader.GetString(1), DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(2)),
                reader.IsDBNull(3) ? null : DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(3)), reader.GetInt64(4) != 0)
            : null;
    }

    public async Task FailAsync(LeasedMessage message, string error, TimeSpan retryAfter, bool deadLetter, CancellationToken cancel)
    {
        ArgumentNullException.ThrowIfNull(message);
        using var gate = await _database.Gate.EnterAsync(urgent: false, cancel).ConfigureAwait(false);
        await using var connection = Open();
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancel).ConfigureAwait(false);
        if (deadLetter)
        {
            await using (var move = Command(connection, """
                INSERT INTO dead_letters (delivery_id, event, headers, body, attempts, error, failed_at)
                SELECT delivery_id, event, headers, body, attempts, $error, $now FROM queue WHERE id = $id
                """, transaction))
            {
                move.Parameters.AddWithValue("$id", message.Id);
                move.Parameters.AddWithValue("$error", error);
                move.Parameters.AddWithValue("$now", Now());
                await move.ExecuteNonQueryAsync(cancel).ConfigureAwait(false);
            }

            await using var delete = Command(connection, "DELETE FROM queue WHERE id = $id", transaction);
            delete.Parameters.AddWithValue("$id", message.Id);
            await delete.ExecuteNonQueryAsync(cancel).ConfigureAwait(false);
        }
        else
        {
            await using var retry = Command(
                connection,
                "UPDATE queue SET visible_at = $at, last_error = $error WHERE id = $id",
                transaction
            );
            retry.Parameters.AddWithValue("$id", message.Id);
            retry.Parameters.AddWithValue("$error", error);
            retry.Parameters.AddWithValue("$at", Now() + (long)retryAfter.TotalMilliseconds);
            await retry.ExecuteNonQueryAsync(cancel).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancel).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<DeadLetter>> DeadLettersAsync(CancellationToken cancel)
    {
        await using var connection = Open();
        await using var command = Command(
            connection,
            "SELECT id, delivery_id, event, attempts, error, failed_at FROM dead_letters ORDER BY id"
        );
        await using var reader = await command.ExecuteReaderAsync(cancel).ConfigureAwait(false);
        var letters = new List<DeadLetter>();
        while (await reader.ReadAsync(cancel).ConfigureAwait(false))
        {
            letters.Add(
                new DeadLetter(
                    reader.GetInt64(0).ToString(System.Globalization.CultureInfo.InvariantCulture),
                    reader.GetString(1),
                    reader.GetString(2),
                    reader.GetInt32(3),
                    reader.GetString(4),
                    DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(5))
                )
            );
        }

        return letters;
    }

    public async Task<int> ReplayAsync(string? id, CancellationToken cancel)
    {
        using var gate = await _database.Gate.EnterAsync(urgent: false, cancel).ConfigureAwait(false);
        await using var connection = Open();
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancel).ConfigureAwait(false);
        var filter = id is null ? "" : " WHERE id = $id";
        await using (
            var copy = Command(
                connection,
                $"INSERT INTO queue (delivery_id, event, headers, body, attempts, visible_at) SELECT delivery_id, event, headers, body, 0, "
                + $"$now FROM dead_letters{filter}",
                transaction
            )
        )
        {
            copy.Parameters.AddWithValue("$now", Now());
            if (id is not null)
            {
                copy.Parameters.AddWithValue("$id", id);
            }

            var moved = await copy.ExecuteNonQueryAsync(cancel).ConfigureAwait(false);
            await using var delete = Command(connection, $"DELETE FROM dead_letters{filter}", transaction);
            if (id is not null)
            {
                delete.Parameters.AddWithValue("$id", id);
            }

            await delete.ExecuteNonQueryAsync(cancel).ConfigureAwait(false);
            await transaction.CommitAsync(cancel).ConfigureAwait(false);
            return moved;
        }
    }

    public async Task<int> PendingAsync(CancellationToken cancel)
    {
        await using var connection = Open();
        await using var command = Command(connection, "SELECT COUNT(*) FROM queue");
        return Convert.ToInt32(
            await command.ExecuteScalarAsync(cancel).ConfigureAwait(false),
            System.Globalization.CultureInfo.InvariantCulture
        );
    }

    public async Task<QueueSnapshot> SnapshotAsync(CancellationToken cancel)
    {
        // The queue row has no time of its own: the delivery's received_at is when it entered the queue (or the
        // dead-letter list it was replayed from), so the oldest age counts from GitHub's delivery.
        await using var connection = Open();
        await using var command = Command(connection, """
            SELECT COUNT(*), MIN(d.received_at) FROM queue q LEFT JOIN deliveries d ON d.id = q.delivery_id
            """);
        await using var reader = await command.ExecuteReaderAsync(cancel).ConfigureAwait(false);
        await reader.ReadAsync(cancel).ConfigureAwait(false);
        var depth = reader.GetInt32(0);
        var oldest = reader.IsDBNull(1) ? Now() : reader.GetInt64(1);
        return new QueueSnapshot(depth, TimeSpan.FromMilliseconds(Math.Max(0, Now() - oldest)));
    }

    private long Now() => _time.GetUtcNow().ToUnixTimeMilliseconds();

    private SqliteConnection Open() => _database.Open();

    private static SqliteCommand Command(SqliteConnection connection, string sql, SqliteTransaction? transaction = null)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        return command;
    }

}
