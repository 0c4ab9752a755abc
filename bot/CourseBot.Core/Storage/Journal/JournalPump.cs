using CourseBot.Core.Webhooks;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CourseBot.Core.Storage.Journal;

/// <summary>
/// Moves the journal into the SQLite inbox in the background, 1,024 records per transaction. While the intake is busy it
/// waits (up to <see cref="QueueOptions.IntakeYieldMax"/> per step): acknowledging comes first, and the journal simply grows
/// on disk until the burst is over.
/// </summary>
public sealed partial class JournalPump(
    DeliveryJournalInbox inbox, IntakeActivity intake, QueueOptions options, TimeProvider time, ILogger<JournalPump> logger)
    : BackgroundService
{
    private const int BatchRecords = 1024;
    private static readonly TimeSpan Pause = TimeSpan.FromMilliseconds(20);
    private static readonly TimeSpan Idle = TimeSpan.FromMilliseconds(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var waited = TimeSpan.Zero;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (waited < options.IntakeYieldMax && intake.IsBusy(options))
                {
                    await Task.Delay(Pause, time, stoppingToken).ConfigureAwait(false);
                    waited += Pause;
                    continue;
                }

                waited = TimeSpan.Zero;
                if (!await inbox.Mover.MoveNextAsync(BatchRecords, stoppingToken).ConfigureAwait(false))
                {
                    await Task.Delay(Idle, time, stoppingToken).ConfigureAwait(false);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is IOException or SqliteException or UnauthorizedAccessException)
            {
                // The records stay in the journal (the checkpoint did not move): the next try moves them.
                LogMoveFailed(logger, ex);
                await Task.Delay(TimeSpan.FromSeconds(1), time, stoppingToken).ConfigureAwait(false);
            }
        }
    }

    [LoggerMessage(EventId = 3103, Level = LogLevel.Error, Message = "Moving journaled deliveries into the inbox failed; retrying")]
    private static partial void LogMoveFailed(ILogger logger, Exception error);
}
