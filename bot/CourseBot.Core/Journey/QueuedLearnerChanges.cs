using System.Text;
using System.Text.Json.Nodes;
using CourseBot.Core.Journey.Forms;
using CourseBot.Core.Storage;

namespace CourseBot.Core.Journey;

/// <summary>
/// Internal work goes through the same durable queue as webhooks (stored, retried, dead-lettered,
/// replayable), as deliveries whose event names start with <c>coursebot.</c>. The delivery id makes a
/// repeated request idempotent: the same grade event or roster line is queued once.
/// </summary>
public sealed class QueuedLearnerChanges(IDeliveryInbox inbox) : ILearnerChanges
{
    public const string SyncEvent = "coursebot.sync";
    public const string EnrollEvent = "coursebot.enroll";

    public Task ChangedAsync(string repository, string reason, CancellationToken cancel) =>
        inbox.TryEnqueueAsync(Sync(repository, reason), cancel);

    public static WebhookDelivery Sync(string repository, string reason) =>
        Delivery($"sync:{repository}:{reason}", SyncEvent, new JsonObject { ["repository"] = repository });

    public const string ResumeEvent = "coursebot.resume";
    public const string RegradeEvent = "coursebot.regrade";

    public static WebhookDelivery Resume(string repository, string bucket) =>
        Delivery($"resume:{repository}:{bucket}", ResumeEvent, new JsonObject { ["repository"] = repository });

    public static WebhookDelivery Regrade(string repository, string sha) =>
        Delivery($"regrade:{repository}:{sha}", RegradeEvent, new JsonObject { ["repository"] = repository, ["sha"] = sha });

    public static WebhookDelivery Enroll(long installation, EnrollmentRequest request, string batch)
    {
        ArgumentNullException.ThrowIfNull(request);
        return Delivery(
            $"enroll:{request.Login}:{batch}",
            EnrollEvent,
            new JsonObject
            {
                ["installation"] = installation,
                ["login"] = request.Login,
                ["path"] = request.PathId,
                ["pace"] = request.PaceId,
                ["start"] = request.Start.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                ["cohort"] = request.Cohort,
            }
        );
    }

    private static WebhookDelivery Delivery(string id, string name, JsonObject body) =>
        new(
            id,
            name,
            new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { ["X-GitHub-Event"] = name, ["X-GitHub-Delivery"] = id },
            Encoding.UTF8.GetBytes(body.ToJsonString())
        );
}
