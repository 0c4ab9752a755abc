namespace CourseBot.GitHubEmulator;

public sealed class RepoState(long id, string owner, string name)
{
    public long Id { get; } = id;

    public string Owner { get; } = owner;

    public string Name { get; } = name;

    public string FullName => $"{Owner}/{Name}";

    public bool Private { get; set; } = true;

    public bool IsTemplate { get; set; }

    /// <summary>Archived (read-only): what unenrollment does instead of deleting.</summary>
    public bool Archived { get; set; }

    /// <summary>Who may use this repository's actions and reusable workflows: none, user or organization.</summary>
    public string ActionsAccess { get; set; } = "none";

    public DateTimeOffset CreatedAt { get; init; }

    public string DefaultBranch { get; set; } = "main";

    /// <summary>Until then a generated repository has no contents yet.</summary>
    public DateTimeOffset ReadyAt { get; set; }

    public Dictionary<string, string> Refs { get; } = new(StringComparer.Ordinal);

    public List<IssueState> Issues { get; } = [];

    public Dictionary<long, CommentState> Comments { get; } = [];

    public Dictionary<string, LabelState> Labels { get; } = new(StringComparer.OrdinalIgnoreCase);

    public List<MilestoneState> Milestones { get; } = [];

    public Dictionary<string, string> Invitations { get; } = new(StringComparer.OrdinalIgnoreCase);

    public List<PullState> Pulls { get; } = [];

    /// <summary>Teams given access to this repository: team slug -> permission (pull, triage, push, maintain, admin).</summary>
    public Dictionary<string, string> TeamAccess { get; } = new(StringComparer.OrdinalIgnoreCase);

    public int NextNumber => Issues.Count + Pulls.Count + 1;
}
