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

    public const string DashboardEvent = "coursebot.dashboard";

    /// <summary>A dashboard refresh for one debounce window (<see cref="Cohorts.Dashboard.DashboardSchedule"/>).</summary>
    public static WebhookDelivery Dashboard(string window) => Delivery($"dashboard:{window}", DashboardEvent, []);

    public const string PeersEvent = "coursebot.peers";

    /// <summary>Looks again for peers for a capstone pull request still waiting for them (once per <paramref name="bucket"/>).</summary>
    public static WebhookDelivery Peers(string repository, int number, string bucket) =>
        Delivery($"peers:{repository}#{number}:{bucket}", PeersEvent, new JsonObject { ["repository"] = repository, ["number"] = number });

    public const string DeadlinesEvent = "coursebot.deadlines";
    public const string RegradeLabEvent = "coursebot.regrade-lab";

    /// <summary>One learner's part of <c>coursebot regrade</c>: queued once per learner, lab and hidden-test version.</summary>
    public static WebhookDelivery RegradeLab(string repository, string lab, string version, string batch) =>
        Delivery($"regrade-lab:{repository}:{lab}:{version}", RegradeLabEvent,
            new JsonObject { ["repository"] = repository, ["lab"] = lab, ["version"] = version, ["batch"] = batch });

    /// <summary>The daily deadline pass for one learner: once per learner per UTC day, however often the reconciler runs.</summary>
    public static WebhookDelivery Deadlines(string repository, DateOnly day) =>
        Delivery($"deadlines:{repository}:{day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)}", DeadlinesEvent,
            new JsonObject { ["repository"] = repository });

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
