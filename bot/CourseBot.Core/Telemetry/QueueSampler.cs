using CourseBot.Core.Storage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CourseBot.Core.Telemetry;

/// <summary>
/// Samples the queue's depth and oldest age every <see cref="TelemetryOptions.QueueSampleEvery"/> for the queue
/// gauges. The gauges' callbacks run on the exporter's thread and must not block on the store (an Azure call is an
/// HTTP request), so they report this sample instead. Registered only while telemetry is exported.
/// </summary>
public sealed partial class QueueSampler(
    IDeliveryInbox inbox, CourseBotTelemetry telemetry, TelemetryOptions options, TimeProvider time, ILogger<QueueSampler> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                telemetry.ObserveQueue(await inbox.SnapshotAsync(stoppingToken).ConfigureAwait(false));
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // A store that does not answer now may at the next sample; /readyz is what reports it.
                LogSampleFailed(logger, ex);
            }

            try
            {
                await Task.Delay(options.QueueSampleEvery, time, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
        }
    }

    [LoggerMessage(EventId = 6101, Level = LogLevel.Warning, Message = "Queue sample for the telemetry gauges failed")]
    private static partial void LogSampleFailed(ILogger logger, Exception error);
}
