namespace CourseBot.GitHubEmulator;

public sealed class CommentState
{
    public long Id { get; init; }

    public int IssueNumber { get; init; }

    public string Body { get; set; } = "";

    public string User { get; init; } = EmulatorState.AppUser;

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset UpdatedAt { get; set; }
}
