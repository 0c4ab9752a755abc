using CourseBot.Core.Storage;

namespace CourseBot.Core.Webhooks;

/// <summary>
/// Where the webhook ingress stores a delivery before it acknowledges. Separate from <see cref="IDeliveryInbox"/> because
/// <c>coursebot serve</c> stores GitHub's deliveries in an append-only journal first (<c>DeliveryJournalInbox</c>), while the bot's own
/// enqueues (reconciler, regrades) keep going straight to the inbox, whose answer they rely on.
/// </summary>
public interface IDeliveryIntake
{
    /// <summary>Stores the delivery durably; false when this delivery id is known already (nothing new is stored).</summary>
    Task<bool> TryAcceptAsync(WebhookDelivery delivery, CancellationToken cancel);
}
