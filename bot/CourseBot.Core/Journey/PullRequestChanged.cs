namespace CourseBot.Core.Journey;

/// <summary>
/// A pull request opened, updated (<c>synchronize</c>), marked ready, closed or reopened in a learner repository
/// (from the <c>pull_request</c> webhook); <see cref="At"/> is GitHub's updated_at, which orders changes whatever order they arrive in.
/// </summary>
public sealed record PullRequestChanged(
    long Installation, string Repository, string Action, int Number, string Title, string? Body, string Branch, string Head,
    bool Draft, bool Open, DateTimeOffset At, string Url, bool ByBot);
