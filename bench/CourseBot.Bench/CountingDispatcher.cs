using System.Collections.Concurrent;
using CourseBot.Core.Storage;
using CourseBot.Core.Webhooks;

namespace CourseBot.Bench;

/// <summary>The store soak's dispatcher: counts each delivery it is handed, by id (a count of 2 is a delivery processed twice).</summary>
internal sealed class CountingDispatcher(ConcurrentDictionary<string, int> counts) : IWebhookDispatcher
{
    public Task DispatchAsync(WebhookDelivery delivery, CancellationToken cancel)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        counts.AddOrUpdate(delivery.DeliveryId, 1, (_, n) => n + 1);
        return Task.CompletedTask;
    }
}
