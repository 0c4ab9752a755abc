using CourseBot.Core.Storage.Azure;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;

namespace CourseBot.Functions.Functions;

/// <summary>
/// Every five minutes, repairs what a lost step leaves behind: deliveries recorded but never
/// enqueued (a crash between the two writes) are enqueued. The learner journey adds its own repairs
/// (a graded push whose result never arrived, a repository whose generation never finished).
/// </summary>
public sealed partial class ReconcilerFunction(AzureDeliveryInbox inbox, ILogger<ReconcilerFunction> logger)
{
    public static readonly TimeSpan StrandedAfter = TimeSpan.FromMinutes(2);

    [Function("reconcile")]
    public async Task RunAsync([TimerTrigger("0 */5 * * * *")] TimerInfo timer, CancellationToken cancel)
    {
        var requeued = await inbox.RequeueStrandedAsync(StrandedAfter, cancel).ConfigureAwait(false);
        if (requeued > 0)
        {
            LogRequeued(logger, requeued);
        }
    }

    [LoggerMessage(EventId = 3201, Level = LogLevel.Warning, Message = "Reconciler enqueued {Count} stranded deliveries")]
    private static partial void LogRequeued(ILogger logger, int count);
}
