using CourseBot.Core.Storage;
using Microsoft.Extensions.Primitives;
using Octokit.Webhooks;

namespace CourseBot.Core.Webhooks;

/// <summary>Hands a stored delivery to the handlers. Throwing means "try again later".</summary>
public interface IWebhookDispatcher
{
    Task DispatchAsync(WebhookDelivery delivery, CancellationToken cancel);
}

/// <summary>Dispatches through Octokit.Webhooks: typed events, one overridable method per event.</summary>
public sealed class OctokitWebhookDispatcher(WebhookEventProcessor processor) : IWebhookDispatcher
{
    public Task DispatchAsync(WebhookDelivery delivery, CancellationToken cancel)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        var headers = delivery.Headers.ToDictionary(h => h.Key, h => new StringValues(h.Value), StringComparer.OrdinalIgnoreCase);
        return processor.ProcessWebhookAsync(headers, delivery.Body, cancel).AsTask();
    }
}
