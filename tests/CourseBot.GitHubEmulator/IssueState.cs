namespace CourseBot.GitHubEmulator;

public sealed class IssueState
{
    public long Id { get; init; }

    public int Number { get; init; }

    public string Title { get; set; } = "";

    public string? Body { get; set; }

    public string State { get; set; } = "open";

    public string User { get; init; } = EmulatorState.AppUser;

    public List<string> Labels { get; } = [];

    public int? Milestone { get; set; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset UpdatedAt { get; set; }

    public DateTimeOffset? ClosedAt { get; set; }
}
