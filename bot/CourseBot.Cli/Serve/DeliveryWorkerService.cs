using CourseBot.Core.Webhooks;

namespace CourseBot.Cli.Serve;

/// <summary>Runs the delivery worker for the life of the host.</summary>
internal sealed class DeliveryWorkerService(DeliveryWorker worker) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) => worker.RunAsync(stoppingToken);
}
