namespace CourseBot.Core.Journey;

/// <summary>An issue opened in the course repository or a learner repository (from the <c>issues</c> webhook).</summary>
public sealed record IssueOpened(long Installation, string Repository, int Number, string Title, string? Body, string Author, bool ByBot, IReadOnlyList<string> Labels);

/// <summary>A comment on an issue (from the <c>issue_comment</c> webhook).</summary>
public sealed record CommentCreated(long Installation, string Repository, int Issue, long CommentId, string Body, string Author, bool ByBot);

/// <summary>A push (from the <c>push</c> webhook): enough to follow the default branch without asking GitHub.</summary>
public sealed record PushReceived(string Repository, string Ref, string Before, string After, string? Tree, bool ReadmeTouched, bool ByBot);
