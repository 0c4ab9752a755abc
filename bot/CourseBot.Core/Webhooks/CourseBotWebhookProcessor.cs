using CourseBot.Core.Journey;
using Microsoft.Extensions.Logging;
using Octokit.Webhooks;
using Octokit.Webhooks.Events;
using Octokit.Webhooks.Events.Installation;
using Octokit.Webhooks.Events.IssueComment;
using Octokit.Webhooks.Events.Issues;
using Octokit.Webhooks.Events.PullRequest;
using Octokit.Webhooks.Events.PullRequestReview;
using Octokit.Webhooks.Models;

namespace CourseBot.Core.Webhooks;

/// <summary>
/// The bot's event handlers, called from the queue (never from the HTTP request). Handlers are
/// idempotent and decide from current state, since GitHub neither orders nor redelivers events.
/// Each turns Octokit's typed event into the journey's small records and hands it on.
/// </summary>
public sealed partial class CourseBotWebhookProcessor(JourneyService journey, ILogger<CourseBotWebhookProcessor> logger)
    : WebhookEventProcessor
{
    /// <summary>The events with a handler here; the dispatcher passes only these on.</summary>
    public static IReadOnlySet<string> HandledEvents { get; } = new HashSet<string>(StringComparer.Ordinal) 
    {
        "installation", "issues", "issue_comment", "push", "pull_request", "pull_request_review",
    };

    protected override ValueTask ProcessInstallationWebhookAsync(
        WebhookHeaders headers,
        InstallationEvent installationEvent,
        InstallationAction action,
        CancellationToken cancellationToken = default
    )
    {
        ArgumentNullException.ThrowIfNull(installationEvent);
        var installation = installationEvent.Installation;
        LogInstallation(logger, action, installation.Account?.Login, installation.Id);
        return ValueTask.CompletedTask;
    }

    protected override async ValueTask ProcessIssuesWebhookAsync(
        WebhookHeaders headers,
        IssuesEvent issuesEvent,
        IssuesAction action,
        CancellationToken cancellationToken = default
    )
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

    protected override async ValueTask ProcessIssueCommentWebhookAsync(
        WebhookHeaders headers,
        IssueCommentEvent issueCommentEvent,
        IssueCommentAction action,
        CancellationToken cancellationToken = default
    )
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

    protected override async ValueTask ProcessPushWebhookAsync(
        WebhookHeaders headers,
        PushEvent pushEvent,
        CancellationToken cancellationToken = default
    )
    {
        ArgumentNullException.ThrowIfNull(pushEvent);
        var readme = pushEvent.Commits.Any(c => Touches(c.Added) || Touches(c.Modified) || Touches(c.Removed));
        await journey
            .OnPushAsync(
                new PushReceived(
                    pushEvent.Repository?.FullName ?? "",
                    pushEvent.Ref,
                    pushEvent.Before,
                    pushEvent.After,
                    pushEvent.HeadCommit?.TreeId,
                    readme,
                    IsBot(pushEvent.Sender)
                ),
                cancellationToken
            )
            .ConfigureAwait(false);
    }

    protected override async ValueTask ProcessPullRequestWebhookAsync(
        WebhookHeaders headers,
        PullRequestEvent pullRequestEvent,
        PullRequestAction action,
        CancellationToken cancellationToken = default
    )
    {
        ArgumentNullException.ThrowIfNull(pullRequestEvent);
        if (PullRequestActionName(action) is not { } name)
        {
            return;
        }

        var pull = pullRequestEvent.PullRequest;
        await journey
            .OnPullRequestAsync(
                new PullRequestChanged(
                    pullRequestEvent.Installation?.Id ?? 0,
                    pullRequestEvent.Repository?.FullName ?? "",
                    name,
                    (int)pull.Number,
                    pull.Title,
                    pull.Body,
                    pull.Head.Ref,
                    pull.Head.Sha,
                    pull.Draft,
                    name != "closed" && pull.State?.StringValue != "closed",
                    pull.UpdatedAt,
                    pull.HtmlUrl,
                    IsBot(pullRequestEvent.Sender)
                ),
                cancellationToken
            )
            .ConfigureAwait(false);
    }

    protected override async ValueTask ProcessPullRequestReviewWebhookAsync(
        WebhookHeaders headers,
        PullRequestReviewEvent pullRequestReviewEvent,
        PullRequestReviewAction action,
        CancellationToken cancellationToken = default
    )
    {
        ArgumentNullException.ThrowIfNull(pullRequestReviewEvent);
        var name =
            action == PullRequestReviewAction.Submitted ? "submitted"
            : action == PullRequestReviewAction.Dismissed ? "dismissed"
            : null;
        if (name is null)
        {
            return;
        }

        var (pull, review) = (pullRequestReviewEvent.PullRequest, pullRequestReviewEvent.Review);
        await journey
            .OnReviewAsync(
                new PullRequestReviewed(
                    pullRequestReviewEvent.Installation?.Id ?? 0,
                    pullRequestReviewEvent.Repository?.FullName ?? "",
                    name,
                    (int)pull.Number,
                    pull.Title,
                    pull.Body,
                    pull.Head.Ref,
                    review.Id,
                    review.State?.StringValue ?? "",
                    review.Body,
                    review.User.Login,
                    review.CommitId,
                    review.SubmittedAt ?? default,
                    review.HtmlUrl,
                    pullRequestReviewEvent.Sender?.Login ?? "",
                    IsBot(pullRequestReviewEvent.Sender) || IsBot(review.User)
                ),
                cancellationToken
            )
            .ConfigureAwait(false);
    }

    /// <summary>The pull request changes that matter to a capstone's review (Octokit's action types print no name).</summary>
    private static string? PullRequestActionName(PullRequestAction action) =>
        action == PullRequestAction.Opened ? "opened"
        : action == PullRequestAction.Reopened ? "reopened"
        : action == PullRequestAction.ReadyForReview ? "ready_for_review"
        : action == PullRequestAction.ConvertedToDraft ? "converted_to_draft"
        : action == PullRequestAction.Synchronize ? "synchronize"
        : action == PullRequestAction.Closed ? "closed"
        : null;

    private static bool Touches(IEnumerable<string>? paths) =>
        paths?.Any(p => string.Equals(p, "README.md", StringComparison.OrdinalIgnoreCase)) == true;

    private static bool IsBot(User? sender) => sender?.Type == UserType.Bot;

    [LoggerMessage(EventId = 2002, Level = LogLevel.Information, Message = "Installation {Action} for {Account} ({InstallationId})")]
    private static partial void LogInstallation(ILogger logger, InstallationAction action, string? account, long installationId);
}
