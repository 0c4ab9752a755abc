using System.Globalization;
using CourseBot.Core.Storage;

namespace CourseBot.Core.Telemetry;

/// <summary>
/// <c>/readyz</c>, host-neutral: ready when the store answers a cheap query (the queue's depth and oldest age, which
/// the body reports) and GitHub answers the App. Both probes run together, each within
/// <see cref="ReadinessOptions.Timeout"/>. <c>/healthz</c> (live) asks nothing of either: a store or GitHub outage
/// should take an instance out of rotation, not get it restarted.
/// </summary>
public sealed class ReadinessProbe(IDeliveryInbox inbox, GitHubReachability github, ReadinessOptions options)
{
    public async Task<ReadinessReport> CheckAsync(CancellationToken cancel)
    {
        var store = StoreAsync(cancel);
        var gitHub = github.CheckAsync(cancel);
        return ReadinessReport.Of(await store.ConfigureAwait(false), await gitHub.ConfigureAwait(false));
    }

    private async Task<ReadinessCheck> StoreAsync(CancellationToken cancel)
    {
        const string Name = "store";
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancel);
        timeout.CancelAfter(options.Timeout);
        try
        {
            // Task.Run: the SQLite provider does its I/O synchronously, and the timeout must still fire.
            var snapshot = await Task.Run(() => inbox.SnapshotAsync(timeout.Token), timeout.Token)
                .WaitAsync(options.Timeout, cancel).ConfigureAwait(false);
            return new ReadinessCheck(Name, true, string.Create(
                CultureInfo.InvariantCulture, $"queue: {snapshot.Depth} deliveries, oldest {snapshot.OldestAge.TotalSeconds:0.#} s"));
        }
        catch (Exception ex) when (!cancel.IsCancellationRequested)
        {
            var why = ex is TimeoutException or OperationCanceledException
                ? $"no answer within {options.Timeout.TotalSeconds:0.#} s" : $"{ex.GetType().Name}: {ex.Message}";
            return new ReadinessCheck(Name, false, "the store did not answer: " + why);
        }
    }
}
