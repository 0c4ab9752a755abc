using Microsoft.Extensions.Logging;
using Octokit.Webhooks;
using Octokit.Webhooks.Events;
using Octokit.Webhooks.Events.Installation;

namespace CourseBot.Core.Webhooks;

/// <summary>
/// The bot's event handlers, called from the queue (never from the HTTP request). Handlers are
/// idempotent and decide from current state, since GitHub neither orders nor redelivers events.
/// Learner-journey handlers (issues, pushes, pull requests) are added with that feature.
/// </summary>
public sealed partial class CourseBotWebhookProcessor(ILogger<CourseBotWebhookProcessor> logger) : WebhookEventProcessor
{
    /// <summary>The events with a handler here; the dispatcher passes only these on.</summary>
    public static IReadOnlySet<string> HandledEvents { get; } = new HashSet<string>(StringComparer.Ordinal) { "installation" };

    protected override ValueTask ProcessInstallationWebhookAsync(WebhookHeaders headers, InstallationEvent installationEvent, InstallationAction action, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(installationEvent);
        var installation = installationEvent.Installation;
        LogInstallation(logger, action, installation.Account?.Login, installation.Id);
        return ValueTask.CompletedTask;
    }

    [LoggerMessage(EventId = 2002, Level = LogLevel.Information, Message = "Installation {Action} for {Account} ({InstallationId})")]
    private static partial void LogInstallation(ILogger logger, InstallationAction action, string? account, long installationId);
}
