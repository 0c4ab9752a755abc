using CourseBot.Core.Storage;
using Microsoft.Extensions.Primitives;
using Octokit.Webhooks;

namespace CourseBot.Core.Webhooks;

/// <summary>
/// Internal work (events named <c>coursebot.*</c>, queued by the bot itself) goes to <see cref="Journey.InternalWork"/>.
/// Webhooks are dispatched through Octokit.Webhooks (typed events, one overridable method per event), but only
/// the events the bot handles: others are acknowledged without being deserialized, since
/// Octokit's strict models refuse some payloads GitHub really sends (e.g. older ping and
/// workflow_run shapes) and an event nobody handles must not end in the dead-letter list.
/// </summary>
public sealed class OctokitWebhookDispatcher(WebhookEventProcessor processor, Journey.InternalWork internalWork) : IWebhookDispatcher
{
    public Task DispatchAsync(WebhookDelivery delivery, CancellationToken cancel)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        if (Journey.InternalWork.Handles(delivery.Event))
        {
            return internalWork.HandleAsync(delivery, cancel);
        }

        if (!CourseBotWebhookProcessor.HandledEvents.Contains(delivery.Event))
        {
            return Task.CompletedTask;
        }

        var headers = delivery.Headers.ToDictionary(h => h.Key, h => new StringValues(h.Value), StringComparer.OrdinalIgnoreCase);
        return processor.ProcessWebhookAsync(headers, delivery.Body, cancel).AsTask();
    }
}
