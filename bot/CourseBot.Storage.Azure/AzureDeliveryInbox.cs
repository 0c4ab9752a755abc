using System.Globalization;
using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using CourseBot.Core.Storage;

namespace CourseBot.Storage.Azure;

/// <summary>
/// The inbox at scale: Table Storage records deliveries (the delivery id is the row key, so a
/// repeat is refused by the service itself), a Storage Queue carries the work, and payloads over
/// what a queue message holds go to Blob storage. A delivery whose row was written but whose message
/// never was (a crash in between) is enqueued again when GitHub or the reconciler repeats it.
/// </summary>
public sealed class AzureDeliveryInbox : IDeliveryInbox
{
    /// <summary>
    /// Bodies up to this size travel inline (base64 in the envelope). The envelope is kept in the
    /// delivery's table row too, whose string properties hold 32K characters; larger bodies go to a blob.
    /// </summary>
    internal const int InlineBodyLimit = 20 * 1024;
    private const string Partition = "d";
    private readonly TableClient _deliveries;
    private readonly TableClient _deadLetters;
    private readonly QueueClient _queue;
    private readonly BlobContainerClient _payloads;
    private readonly TimeProvider _time;

    public AzureDeliveryInbox(string connectionString, string prefix, TimeProvider time)
        : this(AzureStorageAccount.Parse(connectionString), prefix, time)
    {
    }

    public AzureDeliveryInbox(AzureStorageAccount account, string prefix, TimeProvider time)
    {
        _time = time;
        _deliveries = account.Table(prefix + "deliveries");
        _deadLetters = account.Table(prefix + "deadletters");
        _queue = account.Queue(prefix + "deliveries", new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 });
        _payloads = account.Container(prefix + "payloads");
    }

    /// <summary>Creates the tables, queue and container if needed (idempotent; call once at start).</summary>
    public async Task InitializeAsync(CancellationToken cancel)
    {
        await _deliveries.CreateIfNotExistsAsync(cancel).ConfigureAwait(false);
        await _deadLetters.CreateIfNotExistsAsync(cancel).ConfigureAwait(false);
        await _queue.CreateIfNotExistsAsync(cancellationToken: cancel).ConfigureAwait(false);
        await _payloads.CreateIfNotExistsAsync(cancellationToken: cancel).ConfigureAwait(false);
    }

    /// <summary>
    /// How long a delivery recorded but not yet queued is taken to be in flight (after that, a repeat or the reconciler queues it).
    /// </summary>
    public static readonly TimeSpan InFlightFor = TimeSpan.FromMinutes(2);

    public async Task<bool> TryEnqueueAsync(WebhookDelivery delivery, CancellationToken cancel)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        var envelope = JsonSerializer.Serialize(
            await EnvelopeAsync(delivery, cancel).ConfigureAwait(false),
            AzureJsonContext.Default.QueueEnvelope
        );
        var row = new TableEntity(Partition, RowKey(delivery.DeliveryId))
        {
            ["Event"] = delivery.Event,
            ["ReceivedAt"] = _time.GetUtcNow(),
            ["Queued"] = false,
            ["Envelope"] = envelope,
        };
        try
        {
            await _deliveries.AddEntityAsync(row, cancel).ConfigureAwait(false);
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            var existing = (
                await _deliveries
                    .GetEntityAsync<TableEntity>(Partition, RowKey(delivery.DeliveryId), cancellationToken: cancel)
                    .ConfigureAwait(false)
            ).Value;
            if (existing.GetBoolean("Queued") == true)
            {
                return false;
            }

            // Not queued yet: either the first request is enqueueing it right now (a concurrent
            // duplicate must not enqueue it again), or that request died (the repeat finishes the
            // job, after claiming the row so that only one repeat does).
            var since = existing.GetDateTimeOffset("ClaimedAt") ?? existing.GetDateTimeOffset("ReceivedAt");
            if (since > _time.GetUtcNow() - InFlightFor)
            {
                return false;
            }

            try
            {
                await _deliveries
                    .UpdateEntityAsync(
                        new TableEntity(Partition, existing.RowKey) { ["ClaimedAt"] = _time.GetUtcNow() },
                        existing.ETag,
                        TableUpdateMode.Merge,
                        cancel
                    )
                    .ConfigureAwait(false);
            }
            catch (RequestFailedException claimed) when (claimed.Status == 412)
            {
                return false;
            }
        }

        await _queue.SendMessageAsync(envelope, cancel).ConfigureAwait(false);
        await _deliveries
            .UpdateEntityAsync(
                new TableEntity(Partition, RowKey(delivery.DeliveryId)) { ["Queued"] = true },
                ETag.All,
                TableUpdateMode.Merge,
                cancel
            )
            .ConfigureAwait(false);
        return true;
    }

    public async Task<LeasedMessage?> LeaseAsync(TimeSpan lease, CancellationToken cancel)
    {
        var received = await _queue.ReceiveMessageAsync(lease, cancel).ConfigureAwait(false);
        if (received.Value is not { } message)
        {
            return null;
        }

        var delivery = await DecodeAsync(message.Body.ToString(), cancel).ConfigureAwait(false);
        return new LeasedMessage(message.MessageId, message.PopReceipt, delivery, (int)message.DequeueCount);
    }

    public async Task CompleteAsync(LeasedMessage message, CancellationToken cancel)
    {
        ArgumentNullException.ThrowIfNull(message);
        await _deliveries
            .UpdateEntityAsync(
                new TableEntity(Partition, RowKey(message.Delivery.DeliveryId)) { ["ProcessedAt"] = _time.GetUtcNow() },
                ETag.All,
                TableUpdateMode.Merge,
                cancel
            )
            .ConfigureAwait(false);
        await _queue.DeleteMessageAsync(message.Id, message.Receipt, cancel).ConfigureAwait(false);
    }

    public async Task FailAsync(LeasedMessage message, string error, TimeSpan retryAfter, bool deadLetter, CancellationToken cancel)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (!deadLetter)
        {
            // The message stays; it becomes visible again after the back-off (its dequeue count is the attempt).
            await _queue
                .UpdateMessageAsync(message.Id, message.Receipt, visibilityTimeout: retryAfter, cancellationToken: cancel)
                .ConfigureAwait(false);
            return;
        }

        await AddDeadLetterAsync(message.Delivery, message.Attempt, error, cancel).ConfigureAwait(false);
        await _queue.DeleteMessageAsync(message.Id, message.Receipt, cancel).ConfigureAwait(false);
    }

    private async Task AddDeadLetterAsync(WebhookDelivery delivery, int attempts, string error, CancellationToken cancel)
    {
        var id =
            _time.GetUtcNow().ToUnixTimeMilliseconds().ToString("D15", CultureInfo.InvariantCulture) + "-" + RowKey(delivery.DeliveryId);
        await _deadLetters
            .AddEntityAsync(
                new TableEntity(Partition, id)
                {
                    ["DeliveryId"] = delivery.DeliveryId,
                    ["Event"] = delivery.Event,
                    ["Attempts"] = attempts,
                    ["Error"] = error.Length > 30_000 ? error[..30_000] : error,
                    ["FailedAt"] = _time.GetUtcNow(),
                    ["Envelope"] = JsonSerializer.Serialize(
                        await EnvelopeAsync(delivery, cancel).ConfigureAwait(false),
                        AzureJsonContext.Default.QueueEnvelope
                    ),
                },
                cancel
            )
            .ConfigureAwait(false);
        await _deliveries
            .UpsertEntityAsync(
                new TableEntity(Partition, RowKey(delivery.DeliveryId)) { ["DeadLettered"] = true },
                TableUpdateMode.Merge,
                cancel
            )
            .ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<DeadLetter>> DeadLettersAsync(CancellationToken cancel)
    {
        var letters = new List<DeadLetter>();
        await foreach (
            var row in _deadLetters
                .QueryAsync<TableEntity>(r => r.PartitionKey == Partition, cancellationToken: cancel)
                .ConfigureAwait(false)
        )
        {
            letters.Add(
                new DeadLetter(
                    row.RowKey,
                    row.GetString("DeliveryId"),
                    row.GetString("Event"),
                    row.GetInt32("Attempts") ?? 0,
                    row.GetString("Error"),
                    row.GetDateTimeOffset("FailedAt") ?? default
                )
            );
        }

        return letters;
    }

    public async Task<int> ReplayAsync(string? id, CancellationToken cancel)
    {
        var replayed = 0;
        await foreach (
            var row in _deadLetters
                .QueryAsync<TableEntity>(r => r.PartitionKey == Partition, cancellationToken: cancel)
                .ConfigureAwait(false)
        )
        {
            if (id is not null && row.RowKey != id)
            {
                continue;
            }

            var envelope = row.GetString("Envelope");
            await _queue.SendMessageAsync(envelope, cancel).ConfigureAwait(false);
            await _deliveries
                .UpdateEntityAsync(
                    new TableEntity(Partition, RowKey(row.GetString("DeliveryId"))) { ["DeadLettered"] = false },
                    ETag.All,
                    TableUpdateMode.Merge,
                    cancel
                )
                .ConfigureAwait(false);
            await _deadLetters.DeleteEntityAsync(Partition, row.RowKey, cancellationToken: cancel).ConfigureAwait(false);
            replayed++;
        }

        return replayed;
    }

    public async Task<DeliveryStatus?> StatusAsync(string deliveryId, CancellationToken cancel)
    {
        var row = await _deliveries
            .GetEntityIfExistsAsync<TableEntity>(Partition, RowKey(deliveryId), cancellationToken: cancel)
            .ConfigureAwait(false);
        return row.HasValue && row.Value is { } entity
            ? new DeliveryStatus(
                deliveryId,
                entity.GetString("Event"),
                entity.GetDateTimeOffset("ReceivedAt") ?? default,
                entity.GetDateTimeOffset("ProcessedAt"),
                entity.GetBoolean("DeadLettered") == true
            )
            : null;
    }

    /// <summary>The queue's name (the Functions queue trigger binds to it).</summary>
    public string QueueName => _queue.Name;

    /// <summary>Reads a queue message as the Functions trigger hands it over (text of the envelope).</summary>
    public async Task<WebhookDelivery> DecodeAsync(string messageText, CancellationToken cancel)
    {
        var envelope = JsonSerializer.Deserialize(messageText, AzureJsonContext.Default.QueueEnvelope)
            ?? throw new JsonException("empty queue message");
        var body = envelope.Body is { } inline
            ? Convert.FromBase64String(inline)
            : (await _payloads.GetBlobClient(envelope.BlobName).DownloadContentAsync(cancel).ConfigureAwait(false)).Value.Content.ToArray();
        return new WebhookDelivery(envelope.DeliveryId, envelope.Event, envelope.Headers, body);
    }

    /// <summary>Marks a delivery processed when the Functions runtime (not this class) owns the message.</summary>
    public async Task MarkProcessedAsync(string deliveryId, CancellationToken cancel) =>
        await _deliveries
            .UpsertEntityAsync(
                new TableEntity(Partition, RowKey(deliveryId)) { ["ProcessedAt"] = _time.GetUtcNow() },
                TableUpdateMode.Merge,
                cancel
            )
            .ConfigureAwait(false);

    /// <summary>Records a dead letter for a delivery whose message the Functions runtime will delete.</summary>
    public async Task RecordDeadLetterAsync(WebhookDelivery delivery, int attempts, string error, CancellationToken cancel)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        await AddDeadLetterAsync(delivery, attempts, error, cancel).ConfigureAwait(false);
    }

    /// <summary>
    /// The reconciler's part for the inbox: deliveries recorded but never enqueued (a crash between
    /// the row and the message) older than <paramref name="olderThan"/> are enqueued now. Returns how many.
    /// </summary>
    public async Task<int> RequeueStrandedAsync(TimeSpan olderThan, CancellationToken cancel)
    {
        var cutoff = _time.GetUtcNow() - olderThan;
        var requeued = 0;
        await foreach (
            var row in _deliveries
                .QueryAsync<TableEntity>(r => r.PartitionKey == Partition && r.GetBoolean("Queued") == false, cancellationToken: cancel)
                .ConfigureAwait(false)
        )
        {
            if (row.GetDateTimeOffset("ReceivedAt") is { } received && received < cutoff && row.GetString("Envelope") is { } envelope)
            {
                await _queue.SendMessageAsync(envelope, cancel).ConfigureAwait(false);
                await _deliveries
                    .UpdateEntityAsync(
                        new TableEntity(Partition, row.RowKey) { ["Queued"] = true },
                        ETag.All,
                        TableUpdateMode.Merge,
                        cancel
                    )
                    .ConfigureAwait(false);
                requeued++;
            }
        }

        return requeued;
    }

    public async Task<int> PendingAsync(CancellationToken cancel) =>
        (await _queue.GetPropertiesAsync(cancel).ConfigureAwait(false)).Value.ApproximateMessagesCount;

    /// <summary>
    /// The approximate count, and the age of the message at the queue's front (peeked, so not taken): Storage
    /// queues tell no oldest time, and a message leased or waiting for a retry is not peeked, so this is the age
    /// of the oldest message ready to run.
    /// </summary>
    public async Task<QueueSnapshot> SnapshotAsync(CancellationToken cancel)
    {
        var depth = (await _queue.GetPropertiesAsync(cancel).ConfigureAwait(false)).Value.ApproximateMessagesCount;
        var front = (await _queue.PeekMessagesAsync(1, cancel).ConfigureAwait(false)).Value.FirstOrDefault();
        var age = front?.InsertedOn is { } inserted ? _time.GetUtcNow() - inserted : TimeSpan.Zero;
        return new QueueSnapshot(depth, age > TimeSpan.Zero ? age : TimeSpan.Zero);
    }

    /// <summary>The queue message: the body inline when small, else in a blob named after the delivery.</summary>
    private async Task<QueueEnvelope> EnvelopeAsync(WebhookDelivery delivery, CancellationToken cancel)
    {
        if (delivery.Body.Length <= InlineBodyLimit)
        {
            return new QueueEnvelope(
                delivery.DeliveryId,
                delivery.Event,
                new Dictionary<string, string>(delivery.Headers),
                Convert.ToBase64String(delivery.Body.Span),
                null
            );
        }

        var blob = RowKey(delivery.DeliveryId);
        await _payloads.GetBlobClient(blob).UploadAsync(BinaryData.FromBytes(delivery.Body), overwrite: true, cancel).ConfigureAwait(false);
        return new QueueEnvelope(delivery.DeliveryId, delivery.Event, new Dictionary<string, string>(delivery.Headers), null, blob);
    }

    /// <summary>Row keys may not hold / \ # ? or control characters; GitHub's ids are GUIDs, but anything is escaped.</summary>
    private static string RowKey(string deliveryId) => Uri.EscapeDataString(deliveryId).Replace("%", "~", StringComparison.Ordinal);
}
