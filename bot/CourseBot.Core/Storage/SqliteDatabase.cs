using Microsoft.Data.Sqlite;

namespace CourseBot.Core.Storage;

/// <summary>
/// The embedded store's one file, shared by the inbox and the learner history. WAL mode, and per
/// connection <c>synchronous=NORMAL</c>: a committed write survives a killed process; only the last
/// transactions before a power loss may be lost, in exchange for sub-millisecond commits.
/// Checkpoints (copying the WAL back into the database) do not run inside a writer's commit, where
/// they would hold up every webhook waiting behind it, but in the background every
/// <see cref="CheckpointEvery"/> writes.
/// </summary>
internal sealed class SqliteDatabase
{
    private const int CheckpointEvery = 1000;
    private readonly string _connectionString;
    private int _writes;
    private int _checkpointing;

    public SqliteDatabase(string path, string schema)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        Gate = SqliteWriteGate.For(path);
        _connectionString = new SqliteConnectionStringBuilder { DataSource = path, Pooling = true, DefaultTimeout = 30 }.ToString();
        using var connection = Open();
        Execute(connection, "PRAGMA journal_mode=WAL;" + schema);
    }

    /// <summary>Every write to this file from this process passes through it (see <see cref="SqliteWriteGate"/>).</summary>
    public SqliteWriteGate Gate { get; }

    public SqliteConnection Open()
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        Execute(connection, "PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=30000; PRAGMA wal_autocheckpoint=0;");
        return connection;
    }

    /// <summary>Counts a committed write; every <see cref="CheckpointEvery"/> writes, one passive checkpoint runs in the
    /// background.</summary>
    public void AfterWrite()
    {
        if (Interlocked.Increment(ref _writes) % CheckpointEvery != 0 || Interlocked.Exchange(ref _checkpointing, 1) == 1)
        {
            return;
        }

        _ = Task.Run(() =>
        {
            try
            {
                using var connection = Open();
                Execute(connection, "PRAGMA wal_checkpoint(PASSIVE);");
            }
            catch (SqliteException)
            {
                // busy or closing: the next one catches up
            }
            finally
            {
                Volatile.Write(ref _checkpointing, 0);
            }
        });
    }

    public static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
