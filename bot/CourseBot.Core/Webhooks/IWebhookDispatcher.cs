using CourseBot.Core.Storage;

namespace CourseBot.Core.Webhooks;

/// <summary>Hands a stored delivery to the handlers. Throwing means "try again later".</summary>
public interface IWebhookDispatcher
{
    Task DispatchAsync(WebhookDelivery delivery, CancellationToken cancel);
}
