using System.Globalization;
using Azure.Data.Tables;

namespace CourseBot.Core.Storage.Azure;

/// <summary>
/// The append-only learner history in Table Storage: one partition per learner repository, rows
/// keyed by time and a random suffix so that they sort in order and never collide. Only inserts.
/// </summary>
public sealed class AzureLearnerEvents(string connectionString, string prefix, TimeProvider time) : ILearnerEvents
{
    private readonly TableClient _table = new(connectionString, prefix + "learnerevents");

    public Task InitializeAsync(CancellationToken cancel) => _table.CreateIfNotExistsAsync(cancel);

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
        return new LearnerEvent(at.UtcTicks, repository, kind, subject, at, data);
    }

    public async Task<IReadOnlyList<LearnerEvent>> ReadAsync(string repository, CancellationToken cancel)
    {
        var events = new List<LearnerEvent>();
        var partition = Key(repository);
        await foreach (var row in _table.QueryAsync<TableEntity>(r => r.PartitionKey == partition, cancellationToken: cancel).ConfigureAwait(false))
        {
            var at = row.GetDateTimeOffset("At") ?? default;
            events.Add(new LearnerEvent(at.UtcTicks, row.GetString("Repository"), row.GetString("Kind"), row.GetString("Subject"), at, row.GetString("Data")));
        }

        return events;
    }

    /// <summary>Partition keys may not hold '/': owner/repo is escaped.</summary>
    private static string Key(string repository) => Uri.EscapeDataString(repository).Replace("%", "~", StringComparison.Ordinal);
}
