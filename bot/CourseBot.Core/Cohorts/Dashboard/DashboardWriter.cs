using Octokit;

namespace CourseBot.Core.Cohorts.Dashboard;

/// <summary>
/// Writes the dashboard's files to its repository in one Git Data commit, with contents inline in the tree (GitHub stores
/// the blobs): read the branch head (1 call), create the tree (2), and, only when that tree differs from the head's,
/// create the commit (3) and move the ref (4). The tree has no base: the bot owns every file, so a cohort that is gone
/// leaves no page behind. A repository that does not exist yet is created private first (2 more calls, once).
/// </summary>
public sealed class DashboardWriter(IGitHubClient github)
{
    public const string Message = "coursebot: refresh the cohort dashboard";
    private const string Branch = "main";

    /// <summary>The new commit's sha, or null when the files are already there.</summary>
    public async Task<string?> WriteAsync(string owner, string name, IReadOnlyDictionary<string, string> files)
    {
        ArgumentNullException.ThrowIfNull(files);
        var head = await HeadAsync(owner, name).ConfigureAwait(false);
        var tree = new NewTree();
        foreach (var (path, content) in files.OrderBy(f => f.Key, StringComparer.Ordinal))
        {
            tree.Tree.Add(new NewTreeItem { Path = path, Mode = "100644", Type = TreeType.Blob, Content = content });
        }

        var created = await github.Git.Tree.Create(owner, name, tree).ConfigureAwait(false);
        if (created.Sha == head.Tree)
        {
            return null;
        }

        var commit = await github.Git.Commit.Create(owner, name, new NewCommit(Message, created.Sha, head.Commit)).ConfigureAwait(false);
        await github
            .Git.Reference.Update(owner, name, "heads/" + Branch, new ReferenceUpdate(commit.Sha, force: false))
            .ConfigureAwait(false);
        return commit.Sha;
    }

    private async Task<(string Commit, string Tree)> HeadAsync(string owner, string name)
    {
        try
        {
            var head = await github.Repository.Commit.Get(owner, name, Branch).ConfigureAwait(false);
            return (head.Sha, head.Commit.Tree.Sha);
        }
        catch (NotFoundException)
        {
            // First use: a private repository with a first commit to build on (the Git Data API needs a branch).
            await github.Repository.Create(owner, new NewRepository(name)
            {
                Private = true, AutoInit = true, Description = "Cohort dashboard, kept current by CourseBot",
            }).ConfigureAwait(false);
            var head = await github.Repository.Commit.Get(owner, name, Branch).ConfigureAwait(false);
            return (head.Sha, head.Commit.Tree.Sha);
        }
    }
}
