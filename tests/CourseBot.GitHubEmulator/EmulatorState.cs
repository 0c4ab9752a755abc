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

    /// <summary>User access tokens the OAuth web flow gave (<c>ghu_</c>), by token: whose, until when.</summary>
    public ConcurrentDictionary<string, (string Login, DateTimeOffset Expires)> UserTokens { get; } = new(StringComparer.Ordinal);

    /// <summary>OAuth codes not exchanged yet: whose, for which callback, until when (GitHub: 10 minutes, one use).</summary>
    public ConcurrentDictionary<string, (string Login, string RedirectUri, DateTimeOffset Expires)> OAuthCodes { get; } =
        new(StringComparer.Ordinal);
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
        var sha = Sha(
            "tree",
            Encoding.UTF8.GetBytes(
                string.Join('\n', entries.OrderBy(e => e.Key, StringComparer.Ordinal).Select(e => e.Key + " " + e.Value))
            )
        );
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
