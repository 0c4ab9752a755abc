namespace CourseBot.Core.Journey;

/// <summary>A comment on an issue (from the <c>issue_comment</c> webhook).</summary>
public sealed record CommentCreated(
    long Installation,
    string Repository,
    int Issue,
    long CommentId,
    string Body,
    string Author,
    bool ByBot
);
