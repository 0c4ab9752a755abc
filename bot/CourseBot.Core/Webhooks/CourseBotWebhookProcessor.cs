using CourseBot.Core.Journey;
using Microsoft.Extensions.Logging;
using Octokit.Webhooks;
using Octokit.Webhooks.Events;
using Octokit.Webhooks.Events.Installation;
using Octokit.Webhooks.Events.IssueComment;
using Octokit.Webhooks.Events.Issues;
using Octokit.Webhooks.Models;

namespace CourseBot.Core.Webhooks;

/// <summary>
/// The bot's event handlers, called from the queue (never from the HTTP request). Handlers are
/// idempotent and decide from current state, since GitHub neither orders nor redelivers events.
/// Each turns Octokit's typed event into the journey's small records and hands it on.
/// </summary>
public sealed partial class CourseBotWebhookProcessor(JourneyService journey, ILogger<CourseBotWebhookProcessor> logger) : WebhookEventProcessor
{
    /// <summary>The events with a handler here; the dispatcher passes only these on.</summary>
    public static IReadOnlySet<string> HandledEvents { get; } = new HashSet<string>(StringComparer.Ordinal) { "installation", "issues", "issue_comment", "push" };

    protected override ValueTask ProcessInstallationWebhookAsync(WebhookHeaders headers, InstallationEvent installationEvent, InstallationAction action, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(installationEvent);
        var installation = installationEvent.Installation;
        LogInstallation(logger, action, installation.Account?.Login, installation.Id);
        return ValueTask.CompletedTask;
    }

    protected override async ValueTask ProcessIssuesWebhookAsync(WebhookHeaders headers, IssuesEvent issuesEvent, IssuesAction action, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(issuesEvent);
        if (action != IssuesAction.Opened && action != IssuesAction.Edited)
        {
            return;
        }

        var issue = issuesEvent.Issue;
        var opened = new IssueOpened(
            issuesEvent.Installation?.Id ?? 0, issuesEvent.Repository?.FullName ?? "", (int)issue.Number, issue.Title, issue.Body,
            issue.User.Login, IsBot(issuesEvent.Sender), [.. issue.Labels?.Select(l => l.Name) ?? []]);
        if (action == IssuesAction.Opened)
        {
            await journey.OnIssueOpenedAsync(opened, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            await journey.OnIssueEditedAsync(opened, cancellationToken).ConfigureAwait(false);
        }
    }

    protected override async ValueTask ProcessIssueCommentWebhookAsync(WebhookHeaders headers, IssueCommentEvent issueCommentEvent, IssueCommentAction action, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(issueCommentEvent);
        if (action != IssueCommentAction.Created)
        {
            return;
        }

        var comment = issueCommentEvent.Comment;
        await journey.OnCommentAsync(new CommentCreated(
            issueCommentEvent.Installation?.Id ?? 0, issueCommentEvent.Repository?.FullName ?? "", (int)issueCommentEvent.Issue.Number,
            comment.Id, comment.Body ?? "", comment.User.Login, IsBot(issueCommentEvent.Sender)), cancellationToken).ConfigureAwait(false);
    }

    protected override async ValueTask ProcessPushWebhookAsync(WebhookHeaders headers, PushEvent pushEvent, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(pushEvent);
        var readme = pushEvent.Commits.Any(c => Touches(c.Added) || Touches(c.Modified) || Touches(c.Removed));
        await journey.OnPushAsync(new PushReceived(
            pushEvent.Repository?.FullName ?? "", pushEvent.Ref, pushEvent.Before, pushEvent.After, pushEvent.HeadCommit?.TreeId, readme, IsBot(pushEvent.Sender)), cancellationToken).ConfigureAwait(false);
    }

    private static bool Touches(IEnumerable<string>? paths) => paths?.Any(p => string.Equals(p, "README.md", StringComparison.OrdinalIgnoreCase)) == true;

    private static bool IsBot(User? sender) => sender?.Type == UserType.Bot;

    [LoggerMessage(EventId = 2002, Level = LogLevel.Information, Message = "Installation {Action} for {Account} ({InstallationId})")]
    private static partial void LogInstallation(ILogger logger, InstallationAction action, string? account, long installationId);
}
