using CourseBot.Core.Journey;

namespace CourseBot.Cli.Serve;

/// <summary>
/// Runs the journey's reconciler on a timer inside <c>coursebot serve</c> (the Functions host uses its timer trigger);
/// in setup mode, or without a journey configured, it does nothing.
/// </summary>
internal sealed partial class JourneyReconcilerService(
    ServeMode mode,
    JourneyReconciler reconciler,
    JourneyOptions options,
    TimeProvider time,
    ILogger<JourneyReconcilerService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!mode.Reconciles)
        {
            return;
        }
        using var timer = new PeriodicTimer(options.ReconcileEvery, time);
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
        {
            try
            {
                await reconciler.RunOnceAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // One failed pass (the store briefly unavailable) must not stop the next ones.
                LogFailed(logger, ex);
            }
        }
    }

    [LoggerMessage(EventId = 5403, Level = LogLevel.Error, Message = "Reconciler pass failed; the next runs on schedule")]
    private static partial void LogFailed(ILogger logger, Exception error);
}
