using System.Collections.Concurrent;
using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using Azure.Data.Tables;
using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;
using CourseBot.Core.Telemetry;
using CourseBot.Core.Webhooks;
using CourseBot.Functions.Functions;
using CourseBot.Storage.Azure;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace CourseBot.Bench;

/// <summary>
/// The Functions host's store path under a steady webhook rate, on a real storage service (Azurite in the bench and tests):
/// signed deliveries go through <see cref="WebhookFunction"/> (verify, row in the deliveries table, queue message, 202) at
/// an open-loop rate, while a consumer drains the queue as the Functions queue trigger does with host.json's settings
/// (batches of 4, a new batch when 2 are left, polling backed off up to 2 s) and hands each message to
/// <see cref="DeliveryFunction"/>, whose dispatcher here only counts (GitHub work is not what this measures); the runtime's
/// part, deleting a message once the function returned, is done here too. At the end the deliveries table is read whole:
/// every id sent must have its row, processed, and the consumer must have seen it exactly once.
/// </summary>
internal sealed class StoreSoak(string connectionString, string prefix)
{
    private const string Secret = "soak-secret";
    private const int BatchSize = 4;
    private const int NewBatchThreshold = 2;
    private readonly ConcurrentDictionary<string, int> _processed = new(StringComparer.Ordinal);

    /// <summary>The delivery ids the last run sent, in order.</summary>
    public IReadOnlyList<string> Sent { get; private set; } = [];

    public async Task<SoakReport> RunAsync(double rate, TimeSpan duration, CancellationToken cancel)
    {
        var inbox = new AzureDeliveryInbox(connectionString, prefix, TimeProvider.System);
        await inbox.InitializeAsync(cancel).ConfigureAwait(false);
        var telemetry = new CourseBotTelemetry(
            new ServiceCollection().AddMetrics().BuildServiceProvider().GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>());
        var webhook = new WebhookFunction(new Core.Webhooks.WebhookIngress(
            new WebhookOptions { Secret = Secret }, new InboxDeliveryIntake(inbox), new IntakeActivity(), telemetry,
            NullLogger<Core.Webhooks.WebhookIngress>.Instance));
        var delivery = new DeliveryFunction(inbox, new CountingDispatcher(_processed), new QueueOptions(), telemetry,
            NullLogger<DeliveryFunction>.Instance);
        var queue = new QueueClient(
            connectionString, inbox.QueueName, new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 });

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancel);
        var consumer = ConsumeAsync(queue, delivery, stop.Token);
        var clock = Stopwatch.StartNew();
        var (sent, acks) = await SendAsync(webhook, rate, duration, cancel).ConfigureAwait(false);
        var acknowledging = clock.Elapsed; // from the first send to the last answer
        Sent = sent;
        var sending = Stopwatch.StartNew();
        while (await inbox.PendingAsync(cancel).ConfigureAwait(false) > 0 || _processed.Count < sent.Count)
        {
            if (sending.Elapsed > TimeSpan.FromMinutes(5))
            {
                break; // what is missing by now is reported lost
            }

            await Task.Delay(100, cancel).ConfigureAwait(false);
        }

        var drain = sending.Elapsed;
        await stop.CancelAsync().ConfigureAwait(false);
        await consumer.ConfigureAwait(false);
        return await VerifyAsync(sent, acks, acknowledging, drain, cancel).ConfigureAwait(false);
    }

    /// <summary>
    /// Reads the deliveries table whole and checks every sent id against it and against what the consumer counted; the rate is
    /// acknowledgements per second from the first send to the last answer.
    /// </summary>
    public async Task<SoakReport> VerifyAsync(
        IReadOnlyCollection<string> sent, IReadOnlyList<double> acks, TimeSpan acknowledging, TimeSpan drain, CancellationToken cancel)
    {
        ArgumentNullException.ThrowIfNull(sent);
        ArgumentNullException.ThrowIfNull(acks);
        var table = new TableClient(connectionString, prefix + "deliveries");
        var rows = new Dictionary<string, bool>(StringComparer.Ordinal);
        await foreach (var row in table.QueryAsync<TableEntity>(select: ["RowKey", "ProcessedAt"], cancellationToken: cancel)
            .ConfigureAwait(false))
        {
            rows[row.RowKey] = row.GetDateTimeOffset("ProcessedAt") is not null;
        }

        var stored = sent.Count(rows.ContainsKey);
        var lost = sent.Count(id => !rows.GetValueOrDefault(id) || _processed.GetValueOrDefault(id) == 0);
        var sorted = acks.Order().ToArray();
        double At(double q) => sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)Math.Floor(q * sorted.Length))];
        return new SoakReport(sent.Count, acks.Count, stored, _processed.Count, lost, _processed.Count(p => p.Value > 1),
            acks.Count / acknowledging.TotalSeconds, At(0.5), At(0.99), sorted.Length == 0 ? double.NaN : sorted[^1], drain);
    }

    /// <summary>Open loop: request i is due at i / rate whatever the earlier ones are doing; its ack time counts from then.</summary>
    private static async Task<(List<string> Sent, List<double> Acks)> SendAsync(
        WebhookFunction webhook, double rate, TimeSpan duration, CancellationToken cancel)
    {
        var body = Encoding.UTF8.GetBytes("""{"zen":"Keep it logically awesome.","hook_id":1,"hook":{"type":"App","id":1}}""");
        var signature = "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(Secret), body));
        var total = (int)(rate * duration.TotalSeconds);
        var sent = new List<string>(total);
        var acks = new List<double>(total);
        var requests = new List<Task>(total);
        // As a host's connection limit: at most 64 in flight; one waiting for a slot is late, and its ack time says so.
        using var slots = new SemaphoreSlim(64);
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < total; i++)
        {
            var due = TimeSpan.FromSeconds(i / rate);
            if (due - clock.Elapsed is { Ticks: > 0 } wait)
            {
                await Task.Delay(wait, cancel).ConfigureAwait(false);
            }

            var id = Guid.NewGuid().ToString();
            sent.Add(id);
            requests.Add(Task.Run(async () =>
            {
                await slots.WaitAsync(cancel).ConfigureAwait(false);
                IActionResult result;
                try
                {
                    result = await webhook.RunAsync(Request(id, body, signature), cancel).ConfigureAwait(false);
                }
                finally
                {
                    slots.Release();
                }

                var ms = (clock.Elapsed - due).TotalMilliseconds;
                if (result is JsonResult { StatusCode: 202 })
                {
                    lock (acks)
                    {
                        acks.Add(ms);
                    }
                }
            }, cancel));
        }

        await Task.WhenAll(requests).ConfigureAwait(false);
        return (sent, acks);
    }

    private static HttpRequest Request(string id, byte[] body, string signature)
    {
        var context = new DefaultHttpContext();
        context.Request.Method = "POST";
        context.Request.ContentType = "application/json";
        context.Request.ContentLength = body.Length;
        context.Request.Body = new MemoryStream(body);
        context.Request.Headers["X-GitHub-Event"] = "ping";
        context.Request.Headers["X-GitHub-Delivery"] = id;
        context.Request.Headers["X-Hub-Signature-256"] = signature;
        return context.Request;
    }

    /// <summary>The queue trigger's loop: a batch when at most <see cref="NewBatchThreshold"/> are still running.</summary>
    private static async Task ConsumeAsync(QueueClient queue, DeliveryFunction function, CancellationToken stop)
    {
        var running = new List<Task>();
        var idle = TimeSpan.FromMilliseconds(100);
        while (!stop.IsCancellationRequested)
        {
            running.RemoveAll(t => t.IsCompleted);
            if (running.Count > NewBatchThreshold)
            {
                await Task.WhenAny(running).ConfigureAwait(false);
                continue;
            }

            QueueMessage[] batch;
            try
            {
                batch = (await queue.ReceiveMessagesAsync(BatchSize, TimeSpan.FromSeconds(30), stop).ConfigureAwait(false)).Value;
            }
            catch (OperationCanceledException)
            {
                break;
            }

            if (batch.Length == 0)
            {
                await Task.Delay(idle, CancellationToken.None).ConfigureAwait(false);
                idle = TimeSpan.FromTicks(Math.Min(idle.Ticks * 2, TimeSpan.FromSeconds(2).Ticks));
                continue;
            }

            idle = TimeSpan.FromMilliseconds(100);
            running.AddRange(batch.Select(message => Task.Run(async () =>
            {
                // As the runtime: the message is deleted once the function returned; a throw leaves it to reappear.
                await function.RunAsync(message, CancellationToken.None).ConfigureAwait(false);
                await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt, CancellationToken.None).ConfigureAwait(false);
            }, CancellationToken.None)));
        }

        await Task.WhenAll(running).ConfigureAwait(false);
    }
}
