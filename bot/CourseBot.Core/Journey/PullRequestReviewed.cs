namespace CourseBot.Core.Journey;

/// <summary>
/// A pull request review submitted or dismissed (from the <c>pull_request_review</c> webhook), with its pull request;
/// <see cref="Sender"/> is who acted: the reviewer for a submission, whoever dismissed it for a dismissal.
/// </summary>
public sealed record PullRequestReviewed(
    long Installation, string Repository, string Action, int Number, string PullTitle, string? PullBody, string Branch,
    long ReviewId, string State, string? Body, string Reviewer, string Commit, DateTimeOffset At, string Url, string Sender, bool ByBot);
