using System.Globalization;
using System.Text.Json.Nodes;
using CourseBot.Core.Journey.Forms;
using CourseBot.Core.Storage;

namespace CourseBot.Core.Journey;

/// <summary>Carries out the queued internal work (<see cref="QueuedLearnerChanges"/>).</summary>
public sealed class InternalWork(
    JourneyService journey, JourneyOptions options, Func<string, Task<long>> installationOf, Cohorts.Dashboard.DashboardRefresh dashboard)
{
    public static bool Handles(string eventName) => eventName.StartsWith("coursebot.", StringComparison.Ordinal);

    public async Task HandleAsync(WebhookDelivery delivery, CancellationToken cancel)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        var body = JsonNode.Parse(delivery.Body.Span)?.AsObject()
            ?? throw new InvalidOperationException($"internal work {delivery.DeliveryId} has no body");
        switch (delivery.Event)
        {
            case QueuedLearnerChanges.SyncEvent:
                await journey
                    .SyncAsync(0, (string?)body["repository"] ?? throw new InvalidOperationException("sync without a repository"), cancel)
                    .ConfigureAwait(false);
                break;
            case QueuedLearnerChanges.EnrollEvent:
                var request = new EnrollmentRequest(
                    (string?)body["login"] ?? "", (string?)body["path"] ?? "", (string?)body["pace"] ?? "",
                    DateOnly.ParseExact((string?)body["start"] ?? "", "yyyy-MM-dd", CultureInfo.InvariantCulture), (string?)body["cohort"]);
                var installation = (long?)body["installation"] is > 0 and var given ? given
                    : options.InstallationId > 0 ? options.InstallationId
                    : await installationOf(options.CourseOwner).ConfigureAwait(false);
                await journey.EnrollAsync(installation, request, origin: null, cancel).ConfigureAwait(false);
                break;
            case QueuedLearnerChanges.ResumeEvent:
                await journey.ResumeAsync((string?)body["repository"] ?? "", cancel).ConfigureAwait(false);
                break;
            case QueuedLearnerChanges.RegradeEvent:
                await journey.RegradeAsync((string?)body["repository"] ?? "", (string?)body["sha"] ?? "", cancel).ConfigureAwait(false);
                break;
            case QueuedLearnerChanges.DashboardEvent:
                await dashboard.RunAsync(cancel).ConfigureAwait(false);
                break;
            case QueuedLearnerChanges.PeersEvent:
                await journey.RetryPeersAsync((string?)body["repository"] ?? "", (int?)body["number"] ?? 0, cancel).ConfigureAwait(false);
                break;
            case QueuedLearnerChanges.RegradeLabEvent:
                await journey
                    .RegradeLabAsync(
                        (string?)body["repository"] ?? "",
                        (string?)body["lab"] ?? "",
                        (string?)body["version"] ?? "",
                        (string?)body["batch"],
                        cancel
                    )
                    .ConfigureAwait(false);
                break;
            case QueuedLearnerChanges.DeadlinesEvent:
                await journey.DeadlinesAsync((string?)body["repository"] ?? "", cancel).ConfigureAwait(false);
                break;
            default:
                throw new InvalidOperationException($"unknown internal work {delivery.Event}");
        }
    }
}
