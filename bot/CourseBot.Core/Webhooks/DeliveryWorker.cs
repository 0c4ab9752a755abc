using System.Diagnostics;
using CourseBot.Core.Storage;
using CourseBot.Core.Telemetry;
using Microsoft.Extensions.Logging;

namespace CourseBot.Core.Webhooks;

/// <summary>
/// Processes queued deliveries: lease, dispatch, complete; on failure retry with exponential
/// back-off, and after <see cref="QueueOptions.MaxAttempts"/> move the delivery to the dead-letter
/// list with its error (<c>coursebot events failed</c>, <c>coursebot events replay</c>).
/// </summary>
public sealed partial class DeliveryWorker(
    IDeliveryInbox inbox,
    IWebhookDispatcher dispatcher,
    QueueOptions options,
    IntakeActivity intake,
    CourseBotTelemetry telemetry,
    TimeProvider time,
    ILogger<DeliveryWorker> logger)
{
    private static readonly TimeSpan YieldPause = TimeSpan.FromMilliseconds(20);

    /// <summary>Processes one message if one is due; returns whether one was.</summary>
    public async Task<bool> ProcessOneAsync(CancellationToken cancel)
    {
        var message = await inbox.LeaseAsync(options.Lease, cancel).ConfigureAwait(false);
        if (message is null)
        {
            return false;
        }

        var started = Stopwatch.GetTimestamp();
        var eventName = message.Delivery.Event;
        using var span = CourseBotTelemetry.StartProcessing(eventName, message.Delivery.DeliveryId, message.Attempt);
        try
        {
            await dispatcher.DispatchAsync(message.Delivery, cancel).ConfigureAwait(false);
            await inbox.CompleteAsync(message, cancel).ConfigureAwait(false);
            telemetry.Processed(span, started, eventName, "processed");
            LogProcessed(logger, message.Delivery.DeliveryId, message.Delivery.Event, message.Attempt);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancel.IsCancellationRequested)
        {
            var deadLetter = message.Attempt >= options.MaxAttempts;
            var delay = RetryDelay(message.Attempt);
            await inbox
                .FailAsync(message, $"{ex.GetType().Name}: {ex.Message}", delay, deadLetter, CancellationToken.None)
                .ConfigureAwait(false);
            telemetry.Processed(span, started, eventName, deadLetter ? "dead_letter" : "retry", ex);
            if (deadLetter)
            {
                LogDeadLettered(logger, ex, message.Delivery.DeliveryId, message.Delivery.Event, message.Attempt);
            }
            else
            {
                LogRetrying(logger, ex, message.Delivery.DeliveryId, message.Delivery.Event, message.Attempt, delay);
            }
        }

        return true;
    }

    /// <summary>
    /// Runs until cancelled, waiting <see cref="QueueOptions.IdlePoll"/> whenever the queue is empty. Before each delivery it
    /// steps aside while the intake is busy (up to <see cref="QueueOptions.IntakeYieldMax"/>): processing shares the cores
    /// with acknowledging, and GitHub waits for the acknowledgement while the backlog can wait for the burst to end.
    /// </summary>
    public async Task RunAsync(CancellationToken cancel)
    {
        var waited = TimeSpan.Zero;
        while (!cancel.IsCancellationRequested)
        {
            try
            {
                if (waited < options.IntakeYieldMax && intake.IsBusy(options))
                {
                    await Task.Delay(YieldPause, time, cancel).ConfigureAwait(false);
                    waited += YieldPause;
                    continue;
                }

                waited = TimeSpan.Zero;
                if (!await ProcessOneAsync(cancel).ConfigureAwait(false))
                {
                    await Task.Delay(options.IdlePoll, time, cancel).ConfigureAwait(false);
                }
            }
            catch (OperationCanceledException) when (cancel.IsCancellationRequested)
            {
                return;
            }
        }
    }

    /// <summary>2 s, 4 s, 8 s ... up to <see cref="QueueOptions.RetryMax"/>, with up to 20 % jitter so retries do not march in
    /// step.</summary>
    internal TimeSpan RetryDelay(int attempt)
    {
        var exponential = options.RetryBase.TotalMilliseconds * Math.Pow(2, Math.Min(attempt - 1, 20));
        var capped = Math.Min(exponential, options.RetryMax.TotalMilliseconds);
        return TimeSpan.FromMilliseconds(capped * (1 + (Random.Shared.NextDouble() * 0.2)));
    }

    [LoggerMessage(EventId = 3001, Level = LogLevel.Debug, Message = "Processed {DeliveryId} ({Event}) on attempt {Attempt}")]
    private static partial void LogProcessed(ILogger logger, string deliveryId, string @event, int attempt);

    [LoggerMessage(
        EventId = 3002,
        Level = LogLevel.Warning,
        Message = "Delivery {DeliveryId} ({Event}) failed on attempt {Attempt}; retrying in {Delay}"
    )]
    private static partial void LogRetrying(ILogger logger, Exception error, string deliveryId, string @event, int attempt, TimeSpan delay);

    [LoggerMessage(
        EventId = 3003,
        Level = LogLevel.Error,
        Message = "Delivery {DeliveryId} ({Event}) failed {Attempt} times and was moved to the dead-letter list"
    )]
    private static partial void LogDeadLettered(ILogger logger, Exception error, string deliveryId, string @event, int attempt);
}
