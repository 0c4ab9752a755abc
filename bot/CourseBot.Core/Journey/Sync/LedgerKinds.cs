namespace CourseBot.Core.Journey.Sync;

/// <summary>
/// What the bot records about its own writes to a learner's repository, in the same append-only
/// history as the learner's events (prefixed <c>github.</c>, ignored by progression). Knowing what it
/// last wrote lets the bot skip calls that would change nothing, and an identical redelivered
/// webhook finds its work already done.
/// </summary>
public static class LedgerKinds
{
    /// <summary>The repository was generated; data: installation, html_url.</summary>
    public const string Repository = "github.repository";

    /// <summary>A one-time setup step done (subject: <c>invite</c>, <c>labels</c>, <c>milestone:Title</c>); data: number for milestones.</summary>
    public const string Setup = "github.setup";

    /// <summary>A module's issue was opened; subject: module id; data: number.</summary>
    public const string Issue = "github.issue";

    /// <summary>A module issue was written; subject: module id; data: hash of what was written.</summary>
    public const string IssueState = "github.issue-state";

    /// <summary>A module's results comment was written; subject: module id; data: id, hash.</summary>
    public const string Comment = "github.comment";

    /// <summary>Progress files were committed; data: commit, tree, readme_blob, readme, hashes.</summary>
    public const string Files = "github.files";

    /// <summary>A push to the default branch (from the webhook, no API call); data: before, after, tree, readme_touched.</summary>
    public const string Push = "github.push";

    /// <summary>A reply the bot posted, so a redelivered event does not post it twice; subject: what it answered.</summary>
    public const string Reply = "github.reply";

    /// <summary>A quiz attempt was started with <c>/quiz</c>; subject: module/assessment; data: deadline, comment.</summary>
    public const string QuizStarted = "quiz-started";
}
