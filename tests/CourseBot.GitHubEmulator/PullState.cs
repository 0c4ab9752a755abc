namespace CourseBot.GitHubEmulator;

public sealed class PullState
{
    public long Id { get; init; }

    public int Number { get; init; }

    public string Title { get; set; } = "";

    public string? Body { get; set; }

    public string User { get; init; } = EmulatorState.AppUser;

    /// <summary>Branch names in the pull request's own repository (no cross-repository pulls here).</summary>
    public string Head { get; init; } = "";

    public string Base { get; init; } = "main";

    /// <summary>The head commit when last seen, for when the branch has since been deleted.</summary>
    public string HeadSha { get; set; } = "";

    public string State { get; set; } = "open";

    public bool Draft { get; set; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset UpdatedAt { get; set; }

    public DateTimeOffset? ClosedAt { get; set; }

    public List<ReviewState> Reviews { get; } = [];

    public List<string> RequestedReviewers { get; } = [];

    /// <summary>Team slugs whose review was requested.</summary>
    public List<string> RequestedTeams { get; } = [];
}
