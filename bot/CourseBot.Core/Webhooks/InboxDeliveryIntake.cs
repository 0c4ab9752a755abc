using CourseBot.Core.Storage;

namespace CourseBot.Core.Webhooks;

/// <summary>The intake that stores straight into the inbox (the Functions host's queue, or serve with the journal off).</summary>
public sealed class InboxDeliveryIntake(IDeliveryInbox inbox) : IDeliveryIntake
{
    public Task<bool> TryAcceptAsync(WebhookDelivery delivery, CancellationToken cancel) => inbox.TryEnqueueAsync(delivery, cancel);
}
