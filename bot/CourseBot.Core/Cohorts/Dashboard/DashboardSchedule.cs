using System.Globalization;
using CourseBot.Core.Journey;
using CourseBot.Core.Storage;

namespace CourseBot.Core.Cohorts.Dashboard;

/// <summary>
/// Asks for a dashboard refresh through the durable queue, debounced: the delivery id names the
/// <see cref="DashboardOptions.RefreshEvery"/> window it falls in, so however often it is asked (each reconciler pass), at
/// most one refresh is queued per window, and it runs off the webhook path like the rest of the bot's internal work.
/// </summary>
public sealed class DashboardSchedule(DashboardOptions options, JourneyOptions journey, IDeliveryInbox inbox, TimeProvider time)
{
    /// <summary>True when a refresh was queued (false: disabled, no journey, or this window's refresh is already queued).</summary>
    public Task<bool> RequestAsync(CancellationToken cancel)
    {
        if (!options.Enabled || journey.CourseRepository.Length == 0)
        {
            return Task.FromResult(false);
        }

        var window = time.GetUtcNow().UtcTicks / options.RefreshEvery.Ticks;
        return inbox.TryEnqueueAsync(QueuedLearnerChanges.Dashboard(window.ToString(CultureInfo.InvariantCulture)), cancel);
    }
}
