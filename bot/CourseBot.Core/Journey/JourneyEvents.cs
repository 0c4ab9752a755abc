namespace CourseBot.Core.Journey;

/// <summary>An issue opened in the course repository or a learner repository (from the <c>issues</c> webhook).</summary>
public sealed record IssueOpened(long Installation, string Repository, int Number, string Title, string? Body, string Author, bool ByBot, IReadOnlyList<string> Labels);

/// <summary>A comment on an issue (from the <c>issue_comment</c> webhook).</summary>
public sealed record CommentCreated(long Installation, string Repository, int Issue, long CommentId, string Body, string Author, bool ByBot);

/// <summary>A push (from the <c>push</c> webhook): enough to follow the default branch without asking GitHub.</summary>
public sealed record PushReceived(string Repository, string Ref, string Before, string After, string? Tree, bool ReadmeTouched, bool ByBot);

/// <summary>
/// A pull request opened, updated (<c>synchronize</c>), marked ready, closed or reopened in a learner repository
/// (from the <c>pull_request</c> webhook); <see cref="At"/> is GitHub's updated_at, which orders changes whatever order they arrive in.
/// </summary>
public sealed record PullRequestChanged(
    long Installation, string Repository, string Action, int Number, string Title, string? Body, string Branch, string Head,
    bool Draft, bool Open, DateTimeOffset At, string Url, bool ByBot);

/// <summary>
/// A pull request review submitted or dismissed (from the <c>pull_request_review</c> webhook), with its pull request;
/// <see cref="Sender"/> is who acted: the reviewer for a submission, whoever dismissed it for a dismissal.
/// </summary>
public sealed record PullRequestReviewed(
    long Installation, string Repository, string Action, int Number, string PullTitle, string? PullBody, string Branch,
    long ReviewId, string State, string? Body, string Reviewer, string Commit, DateTimeOffset At, string Url, string Sender, bool ByBot);
