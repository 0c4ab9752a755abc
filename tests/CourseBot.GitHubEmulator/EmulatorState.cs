using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;

namespace CourseBot.GitHubEmulator;

/// <summary>Everything the emulator knows. One lock: the emulator is for tests, and correctness beats throughput here.</summary>
public sealed class EmulatorState
{
    /// <summary>Who an installation token acts as: the App's bot user.</summary>
    public const string AppUser = "coursebot[bot]";

    private long _nextId = 1000;

    public Lock Gate { get; } = new();

    public Dictionary<long, string> Installations { get; } = [];

    public Dictionary<string, RepoState> Repos { get; } = new(StringComparer.OrdinalIgnoreCase);

    public Dictionary<string, byte[]> Blobs { get; } = [];

    /// <summary>A tree as GitHub would flatten it: full path to blob sha.</summary>
    public Dictionary<string, Dictionary<string, string>> Trees { get; } = [];

    public Dictionary<string, CommitState> Commits { get; } = [];

    /// <summary>org -> team slug -> user -> role.</summary>
    public Dictionary<string, Dictionary<string, Dictionary<string, string>>> Teams { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// org -> user -> (role: admin or member, state: active, or pending until the invitation is accepted);
    /// a team member is an active member of the team's organisation.
    /// </summary>
    public Dictionary<string, Dictionary<string, (string Role, string State)>> OrgMembers { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>"org/slug" -> team id, given on first sight.</summary>
    public Dictionary<string, long> TeamIds { get; } = new(StringComparer.OrdinalIgnoreCase);

    public ConcurrentDictionary<string, (long Installation, DateTimeOffset Expires)> Tokens { get; } = new(StringComparer.Ordinal);

    /// <summary>What each installation's organisation granted (the App's permissions unless a test installs it with fewer).</summary>
    public Dictionary<long, Dictionary<string, string>> InstallationPermissions { get; } = [];

    /// <summary>
    /// The permissions each installation token carries: its installation's, or fewer when the token request narrowed them.
    /// A token absent here (a person's token a test adds to <see cref="Tokens"/>) is not limited by permissions.
    /// </summary>
    public ConcurrentDictionary<string, IReadOnlyDictionary<string, string>> TokenPermissions { get; } = new(StringComparer.Ordinal);

    /// <summary>The App's registration: its permissions, events, webhook and deliveries.</summary>
    public AppState App { get; } = new();

    public long NextId() => Interlocked.Increment(ref _nextId);

    public long TeamId(string org, string slug) =>
        TeamIds.TryGetValue($"{org}/{slug}", out var id) ? id : TeamIds[$"{org}/{slug}"] = NextId();

    public RepoState? Repo(string owner, string name) => Repos.GetValueOrDefault($"{owner}/{name}");

    public string StoreBlob(byte[] content)
    {
        var sha = Sha("blob", content);
        Blobs[sha] = content;
        return sha;
    }

    public string StoreTree(Dictionary<string, string> entries)
    {
        var sha = Sha("tree", Encoding.UTF8.GetBytes(string.Join('\n', entries.OrderBy(e => e.Key, StringComparer.Ordinal).Select(e => e.Key + " " + e.Value))));
        Trees[sha] = entries;
        return sha;
    }

    public string StoreCommit(string tree, string? parent, string message, DateTimeOffset at)
    {
        var sha = Sha("commit", Encoding.UTF8.GetBytes($"{tree}\n{parent}\n{message}\n{at.ToUnixTimeMilliseconds()}\n{NextId()}"));
        Commits[sha] = new CommitState(sha, tree, parent, message, at);
        return sha;
    }

    // Git names objects by SHA-1 of "kind size\0content"; it is an identifier here, not a security measure.
#pragma warning disable CA5350
    private static string Sha(string kind, byte[] content) =>
        Convert.ToHexStringLower(SHA1.HashData([.. Encoding.ASCII.GetBytes($"{kind} {content.Length}\0"), .. content]));
#pragma warning restore CA5350
}

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

public sealed record CommitState(string Sha, string Tree, string? Parent, string Message, DateTimeOffset At);

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

public sealed class CommentState
{
    public long Id { get; init; }

    public int IssueNumber { get; init; }

    public string Body { get; set; } = "";

    public string User { get; init; } = EmulatorState.AppUser;

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset UpdatedAt { get; set; }
}

public sealed record LabelState(long Id, string Name, string Color, string? Description);

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
