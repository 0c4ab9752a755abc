using System.Globalization;
using Azure.Data.Tables;
using CourseBot.Core.Journey.History;
using CourseBot.Core.Storage;

namespace CourseBot.Storage.Azure;

/// <summary>
/// The append-only learner history in Table Storage: one partition per learner repository, rows
/// keyed by time and a random suffix so that they sort in order and never collide. Only inserts,
/// plus one index row per enrolled repository (a table scan for them would read every event).
/// </summary>
public sealed class AzureLearnerEvents(AzureStorageAccount account, string prefix, TimeProvider time) : ILearnerEvents
{
    public AzureLearnerEvents(string connectionString, string prefix, TimeProvider time)
        : this(AzureStorageAccount.Parse(connectionString), prefix, time)
    {
    }

    private const string LearnersPartition = "learners";
    private readonly TableClient _table = account.Table(prefix + "learnerevents");
    private readonly TableClient _index = account.Table(prefix + "learnerindex");

    public async Task InitializeAsync(CancellationToken cancel)
    {
        await _table.CreateIfNotExistsAsync(cancel).ConfigureAwait(false);
        await _index.CreateIfNotExistsAsync(cancel).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<string>> LearnersAsync(CancellationToken cancel)
    {
        var learners = new List<string>();
        await foreach (
            var row in _index
                .QueryAsync<TableEntity>(r => r.PartitionKey == LearnersPartition, cancellationToken: cancel)
                .ConfigureAwait(false)
        )
        {
            learners.Add(row.GetString("Repository"));
        }

        return learners;
    }

    public async Task<LearnerEvent> AppendAsync(string repository, string kind, string subject, string data, CancellationToken cancel)
    {
        var at = time.GetUtcNow();
        var row = at.UtcTicks.ToString("D19", CultureInfo.InvariantCulture) + "-" + Guid.NewGuid().ToString("N")[..8];
        await _table.AddEntityAsync(new TableEntity(Key(repository), row)
        {
            ["Repository"] = repository,
            ["Kind"] = kind,
            ["Subject"] = subject,
            ["At"] = at,
            ["Data"] = data,
        }, cancel).ConfigureAwait(false);
        if (kind == LearnerEventKinds.Enrolled)
        {
            await _index
                .UpsertEntityAsync(
                    new TableEntity(LearnersPartition, Key(repository)) { ["Repository"] = repository },
                    TableUpdateMode.Replace,
                    cancel
                )
                .ConfigureAwait(false);
        }

        return new LearnerEvent(at.UtcTicks, repository, kind, subject, at, data);
    }

    public async Task<IReadOnlyList<LearnerEvent>> ReadAsync(string repository, CancellationToken cancel)
    {
        var events = new List<LearnerEvent>();
        var partition = Key(repository);
        await foreach (
            var row in _table.QueryAsync<TableEntity>(r => r.PartitionKey == partition, cancellationToken: cancel).ConfigureAwait(false)
        )
        {
            events.Add(Entry(row));
        }

        return events;
    }

    public async IAsyncEnumerable<IReadOnlyList<LearnerEvent>> ReadEveryHistoryAsync(
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancel)
    {
        // One scan of the table, pages of 1,000 rows: Table Storage returns rows by partition, then row key, so a
        // learner's history is contiguous and in order.
        var events = new List<LearnerEvent>();
        string? partition = null;
        await foreach (var row in _table.QueryAsync<TableEntity>(cancellationToken: cancel).ConfigureAwait(false))
        {
            if (partition is not null && row.PartitionKey != partition)
            {
                yield return events;
                events = [];
            }

            partition = row.PartitionKey;
            events.Add(Entry(row));
        }

        if (events.Count > 0)
        {
            yield return events;
        }
    }

    private static LearnerEvent Entry(TableEntity row)
    {
        var at = row.GetDateTimeOffset("At") ?? default;
        return new LearnerEvent(
            at.UtcTicks,
            row.GetString("Repository"),
            row.GetString("Kind"),
            row.GetString("Subject"),
            at,
            row.GetString("Data")
        );
    }

    /// <summary>Partition keys may not hold '/': owner/repo is escaped.</summary>
    private static string Key(string repository) => Uri.EscapeDataString(repository).Replace("%", "~", StringComparison.Ordinal);
}
