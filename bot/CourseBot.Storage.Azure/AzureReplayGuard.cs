using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using Azure;
using Azure.Data.Tables;
using CourseBot.Core.Oidc;

namespace CourseBot.Storage.Azure;

/// <summary>
/// Used token ids in Table Storage. An insert that finds the row already there (409) is a replay,
/// whichever instance accepted the token first. Rows are partitioned by the hour their token
/// expires, so pruning deletes whole past hours; the row key is a hash of the token id (keys
/// exclude some characters, and the id needs no reading back).
/// </summary>
public sealed class AzureReplayGuard(AzureStorageAccount account, string prefix, TimeProvider time) : IReplayGuard
{
    public AzureReplayGuard(string connectionString, string prefix, TimeProvider time)
        : this(AzureStorageAccount.Parse(connectionString), prefix, time)
    {
    }

    private const int PruneEvery = 100;
    private readonly TableClient _table = account.Table(prefix + "usedtokens");
    private int _accepted;

    public Task InitializeAsync(CancellationToken cancel) => _table.CreateIfNotExistsAsync(cancel);

    public async Task<bool> TryAcceptAsync(string tokenId, DateTimeOffset expires, CancellationToken cancel)
    {
        ArgumentException.ThrowIfNullOrEmpty(tokenId);
        try
        {
            var row = new TableEntity(Hour(expires), Key(tokenId)) { ["Expires"] = expires };
            await _table.AddEntityAsync(row, cancel).ConfigureAwait(false);
        }
        catch (RequestFailedException ex) when (ex.Status == (int)HttpStatusCode.Conflict)
        {
            return false;
        }

        if (Interlocked.Increment(ref _accepted) % PruneEvery == 0)
        {
            await PruneAsync(cancel).ConfigureAwait(false);
        }

        return true;
    }

    /// <summary>Deletes the rows of hours that ended before now.</summary>
    public async Task PruneAsync(CancellationToken cancel)
    {
        var current = Hour(time.GetUtcNow());
        var past = _table.QueryAsync<TableEntity>(
            r => r.PartitionKey.CompareTo(current) < 0, select: ["PartitionKey", "RowKey"], cancellationToken: cancel);
        await foreach (var row in past.ConfigureAwait(false))
        {
            await _table.DeleteEntityAsync(row.PartitionKey, row.RowKey, ETag.All, cancel).ConfigureAwait(false);
        }
    }

    /// <summary>How many token ids are remembered (tests check the pruning).</summary>
    internal async Task<int> CountAsync(CancellationToken cancel)
    {
        var count = 0;
        await foreach (var _ in _table.QueryAsync<TableEntity>(select: ["RowKey"], cancellationToken: cancel).ConfigureAwait(false))
        {
            count++;
        }

        return count;
    }

    private static string Hour(DateTimeOffset at) => at.UtcDateTime.ToString("yyyyMMddHH", CultureInfo.InvariantCulture);

    private static string Key(string tokenId) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(tokenId)));
}
