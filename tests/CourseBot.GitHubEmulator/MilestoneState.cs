namespace CourseBot.GitHubEmulator;

public sealed class MilestoneState
{
    public long Id { get; init; }

    public int Number { get; init; }

    public string Title { get; set; } = "";

    public string? Description { get; set; }

    public DateTimeOffset? DueOn { get; set; }

    public DateTimeOffset CreatedAt { get; init; }

    public string State { get; set; } = "open";
}
