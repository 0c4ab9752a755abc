using System.Diagnostics;
using Azure.Storage.Queues.Models;
using CourseBot.Storage.Azure;
using CourseBot.Core.Telemetry;
using CourseBot.Core.Webhooks;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;

namespace CourseBot.Functions.Functions;

/// <summary>
/// Processes one queued delivery. The Functions runtime owns the message: a throw makes it visible
/// again after host.json's visibility timeout; on the last allowed attempt the failure is recorded
/// as a dead letter (the same list <c>coursebot events failed</c> shows) and the message let go.
/// </summary>
public sealed partial class DeliveryFunction(
    AzureDeliveryInbox inbox,
    IWebhookDispatcher dispatcher,
    QueueOptions options,
    CourseBotTelemetry telemetry,
    ILogger<DeliveryFunction> logger)
{
    /// <summary>The queue the ingress writes to: app setting <c>CourseBotQueue</c> (default <c>coursebot-deliveries</c>).</summary>
    public const string QueueSetting = "%CourseBotQueue%";

    [Function("process-delivery")]
    public async Task RunAsync(
        [QueueTrigger(QueueSetting, Connection = "AzureWebJobsStorage")] QueueMessage message,
        CancellationToken cancel
    )
    {
        ArgumentNullException.ThrowIfNull(message);
        var delivery = await inbox.DecodeAsync(message.MessageText, cancel).ConfigureAwait(false);
        var started = Stopwatch.GetTimestamp();
        using var span = CourseBotTelemetry.StartProcessing(delivery.Event, delivery.DeliveryId, (int)message.DequeueCount);
        try
        {
            await dispatcher.DispatchAsync(delivery, cancel).ConfigureAwait(false);
            await inbox.MarkProcessedAsync(delivery.DeliveryId, cancel).ConfigureAwait(false);
            telemetry.Processed(span, started, delivery.Event, "processed");
        }
        catch (Exception ex) when (message.DequeueCount >= options.MaxAttempts && ex is not OperationCanceledException)
        {
            await inbox.RecordDeadLetterAsync(delivery, (int)message.DequeueCount, $"{ex.GetType().Name}: {ex.Message}", cancel)
                .ConfigureAwait(false);
            telemetry.Processed(span, started, delivery.Event, "dead_letter", ex);
            LogDeadLettered(logger, ex, delivery.DeliveryId, delivery.Event, message.DequeueCount);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The runtime makes the message visible again after host.json's visibility timeout.
            telemetry.Processed(span, started, delivery.Event, "retry", ex);
            throw;
        }
    }

    [LoggerMessage(
        EventId = 3103,
        Level = LogLevel.Error,
        Message = "Delivery {DeliveryId} ({Event}) failed {Attempts} times and was moved to the dead-letter list"
    )]
    private static partial void LogDeadLettered(ILogger logger, Exception error, string deliveryId, string @event, long attempts);
}
