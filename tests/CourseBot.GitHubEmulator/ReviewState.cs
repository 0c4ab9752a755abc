namespace CourseBot.GitHubEmulator;

public sealed class ReviewState
{
    public long Id { get; init; }

    public string User { get; init; } = EmulatorState.AppUser;

    /// <summary>APPROVED, CHANGES_REQUESTED, COMMENTED, or PENDING until submitted.</summary>
    public string State { get; set; } = "PENDING";

    public string Body { get; set; } = "";

    public string CommitId { get; init; } = "";

    public DateTimeOffset? SubmittedAt { get; set; }
}
