using CourseBot.Core.Journey.History;

namespace CourseBot.Core.Storage;

/// <summary>The learner history in the same SQLite file as the inbox (WAL).</summary>
public sealed class SqliteLearnerEvents : ILearnerEvents
{
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
