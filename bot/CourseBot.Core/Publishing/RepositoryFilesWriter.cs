using Octokit;

namespace CourseBot.Core.Publishing;

/// <summary>
/// Brings a branch's files to what publish wants in one Git Data commit (a tree on the old one with
/// the changed files' contents, a commit, the ref moved), and only for files whose content differs: each file's git blob
/// name is compared with the branch tree's, so publishing the same files again writes nothing.
/// Files the repository has and publish does not name are left alone (an admin may add some).
/// </summary>
public sealed class RepositoryFilesWriter(IGitHubClient github)
{
    /// <summary>The branch's head after the write (the old head when nothing changed; null when a dry run would commit).</summary>
    public async Task<string?> WriteAsync(
        PublishedBranch target, IReadOnlyList<PublishedFile> files, string message, bool dryRun, PublishPlan plan)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(files);
        ArgumentNullException.ThrowIfNull(plan);
        var (owner, name, branch, exists) = target;
        var (head, tree, existing) = exists
            ? await ReadBranchAsync(owner, name, branch).ConfigureAwait(false)
            : (null, null, new Dictionary<string, string>());
        var changed = new List<PublishedFile>();
        foreach (var file in files.OrderBy(f => f.Path, StringComparer.Ordinal))
        {
            var action = !existing.TryGetValue(file.Path, out var sha) ? PlanAction.Create
                : sha == GitBlob.Sha(file.Bytes) ? PlanAction.Unchanged : PlanAction.Update;
            plan.Add(new PlanItem(PlanKind.File, $"{owner}/{name}:{file.Path}", action) { Content = file.Text });
            if (action != PlanAction.Unchanged)
            {
                changed.Add(file);
            }
        }

        if (changed.Count == 0)
        {
            return head;
        }

        if (dryRun)
        {
            return null;
        }

        // Contents inline in the tree: GitHub stores the blobs itself, so a publish is three content-creating
        // requests (tree, commit, ref) however many files changed, well inside the secondary rate limit.
        var newTree = new NewTree { BaseTree = tree };
        foreach (var file in changed)
        {
            newTree.Tree.Add(new NewTreeItem { Path = file.Path, Mode = file.Mode, Type = TreeType.Blob, Content = file.Text });
        }

        var created = await github.Git.Tree.Create(owner, name, newTree).ConfigureAwait(false);
        var parents = head is null ? new NewCommit(message, created.Sha) : new NewCommit(message, created.Sha, head);
        var commit = await github.Git.Commit.Create(owner, name, parents).ConfigureAwait(false);
        await github.Git.Reference.Update(owner, name, $"heads/{branch}", new ReferenceUpdate(commit.Sha)).ConfigureAwait(false);
        return commit.Sha;
    }

    private async Task<(string Head, string Tree, Dictionary<string, string> Files)> ReadBranchAsync(
        string owner, string name, string branch)
    {
        var head = await github.Repository.Commit.Get(owner, name, branch).ConfigureAwait(false);
        var tree = await github.Git.Tree.GetRecursive(owner, name, head.Commit.Tree.Sha).ConfigureAwait(false);
        if (tree.Truncated)
        {
            throw new InvalidOperationException($"{owner}/{name}: the tree is too large to compare in one request");
        }

        var files = tree.Tree.Where(e => e.Type.Value == TreeType.Blob).ToDictionary(e => e.Path, e => e.Sha, StringComparer.Ordinal);
        return (head.Sha, head.Commit.Tree.Sha, files);
    }
}
