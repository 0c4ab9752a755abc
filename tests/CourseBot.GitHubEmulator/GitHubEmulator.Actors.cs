using System.Text;

namespace CourseBot.GitHubEmulator;

/// <summary>What people do on GitHub, for tests: a learner pushes, opens an issue from a form, comments.</summary>
public sealed partial class GitHubEmulator
{
    /// <summary>A push to the default branch (as the learner would): files added or replaced. Returns before, after and the new
    /// tree.</summary>
    public (string Before, string After, string Tree) Push(
        string fullName,
        IReadOnlyDictionary<string, string> files,
        string message = "learner work"
    )
    {
        lock (State.Gate)
        {
            var repo = State.Repos[fullName];
            var before = repo.Refs[repo.DefaultBranch];
            var tree = new Dictionary<string, string>(State.Trees[State.Commits[before].Tree], StringComparer.Ordinal);
            foreach (var (path, content) in files)
            {
                tree[path] = State.StoreBlob(Encoding.UTF8.GetBytes(content));
            }

            var treeSha = State.StoreTree(tree);
            var after = State.StoreCommit(treeSha, before, message, Time.GetUtcNow());
            repo.Refs[repo.DefaultBranch] = after;
            return (before, after, treeSha);
        }
    }

    /// <summary>
    /// A person's work on a branch (created from the default branch on first use) with the files added
    /// or replaced; then, unless it is already open, a pull request from it. Returns the pull request.
    /// </summary>
    public PullState PushPullAs(
        string fullName,
        string user,
        string branch,
        IReadOnlyDictionary<string, string> files,
        string title,
        string? body,
        bool draft = false
    )
    {
        lock (State.Gate)
        {
            var repo = State.Repos[fullName];
            var parent = repo.Refs.GetValueOrDefault(branch) ?? repo.Refs[repo.DefaultBranch];
            var tree = new Dictionary<string, string>(State.Trees[State.Commits[parent].Tree], StringComparer.Ordinal);
            foreach (var (path, content) in files)
            {
                tree[path] = State.StoreBlob(Encoding.UTF8.GetBytes(content));
            }

            var now = Time.GetUtcNow();
            repo.Refs[branch] = State.StoreCommit(State.StoreTree(tree), parent, "capstone work", now);
            var pull = repo.Pulls.FirstOrDefault(p => p.Head == branch && p.State == "open");
            if (pull is null)
            {
                pull = new PullState
                {
                    Id = State.NextId(),
                    Number = repo.NextNumber,
                    Title = title,
                    Body = body,
                    User = user,
                    Head = branch,
                    Draft = draft,
                    CreatedAt = now,
                };
                repo.Pulls.Add(pull);
            }

            pull.HeadSha = repo.Refs[branch];
            pull.UpdatedAt = now;
            return pull;
        }
    }

    /// <summary>The teams given access to a repository (slug -> permission).</summary>
    public IReadOnlyDictionary<string, string> TeamAccess(string fullName)
    {
        lock (State.Gate)
        {
            return new Dictionary<string, string>(State.Repos[fullName].TeamAccess, StringComparer.OrdinalIgnoreCase);
        }
    }

    /// <summary>An issue opened by a person (for example from an issue form). Returns its number and id.</summary>
    public (int Number, long Id) OpenIssueAs(string fullName, string user, string title, string body, params string[] labels)
    {
        lock (State.Gate)
        {
            var repo = State.Repos[fullName];
            var now = Time.GetUtcNow();
            var issue = new IssueState
            {
                Id = State.NextId(),
                Number = repo.NextNumber,
                Title = title,
                Body = body,
                User = user,
                CreatedAt = now,
                UpdatedAt = now,
            };
            issue.Labels.AddRange(labels);
            repo.Issues.Add(issue);
            return (issue.Number, issue.Id);
        }
    }

    /// <summary>A comment by a person. Returns its id.</summary>
    public long CommentAs(string fullName, int issueNumber, string user, string body)
    {
        lock (State.Gate)
        {
            var repo = State.Repos[fullName];
            var now = Time.GetUtcNow();
            var comment = new CommentState
            {
                Id = State.NextId(),
                IssueNumber = issueNumber,
                Body = body,
                User = user,
                CreatedAt = now,
                UpdatedAt = now,
            };
            repo.Comments[comment.Id] = comment;
            return comment.Id;
        }
    }

    /// <summary>A repository's issue as the emulator holds it.</summary>
    public IssueState? Issue(string fullName, int number)
    {
        lock (State.Gate)
        {
            return State.Repos.GetValueOrDefault(fullName)?.Issues.FirstOrDefault(i => i.Number == number);
        }
    }

    /// <summary>Comments on an issue, oldest first.</summary>
    public IReadOnlyList<CommentState> CommentsOn(string fullName, int number)
    {
        lock (State.Gate)
        {
            return State.Repos.GetValueOrDefault(fullName)?.Comments.Values.Where(c => c.IssueNumber == number).OrderBy(c => c.Id).ToList()
                ?? [];
        }
    }
}
