using CourseBot.Core.Journey;
using CourseBot.Storage.Azure;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;

namespace CourseBot.Functions.Functions;

/// <summary>
/// Every five minutes, repairs what a lost step leaves behind: deliveries recorded but never
/// enqueued (a crash between the two writes) are enqueued, and the journey's reconciler queues its
/// repairs (a push whose result never arrived, a repository whose setup never finished).
/// </summary>
public sealed partial class ReconcilerFunction(AzureDeliveryInbox inbox, JourneyReconciler journey, ILogger<ReconcilerFunction> logger)
{
    public static readonly TimeSpan StrandedAfter = AzureDeliveryInbox.InFlightFor;

    [Function("reconcile")]
    public async Task RunAsync([TimerTrigger("0 */5 * * * *")] TimerInfo timer, CancellationToken cancel)
    {
        var requeued = await inbox.RequeueStrandedAsync(StrandedAfter, cancel).ConfigureAwait(false);
        if (requeued > 0)
        {
            LogRequeued(logger, requeued);
        }

        await journey.RunOnceAsync(cancel).ConfigureAwait(false);
    }

    [LoggerMessage(EventId = 3201, Level = LogLevel.Warning, Message = "Reconciler enqueued {Count} stranded deliveries")]
    private static partial void LogRequeued(ILogger logger, int count);
}
