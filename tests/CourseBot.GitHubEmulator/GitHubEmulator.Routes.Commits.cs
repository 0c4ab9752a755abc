namespace CourseBot.GitHubEmulator;

public sealed partial class GitHubEmulator
{
    /// <summary>Workflow dispatches received: (repository, workflow file, ref).</summary>
    public List<(string Repository, string Workflow, string Ref)> Dispatches { get; } = [];

    private void MapCommits(RouteGroupBuilder api)
    {
        // The REST commit (not the git data one): resolves a branch name, and carries the tree.
        Route(api, "GET", "/repos/{owner}/{repo}/commits/{ref}", context =>
        {
            lock (State.Gate)
            {
                var repo = State.Repo(Value(context, "owner"), Value(context, "repo"));
                if (repo is null)
                {
                    return Task.FromResult(NotFound());
                }

                if (!Ready(repo))
                {
                    return Task.FromResult(Results.Json(Shapes.Error("Git Repository is empty."), statusCode: 409));
                }

                var reference = Value(context, "ref");
                var sha = repo.Refs.TryGetValue(reference, out var head) ? head : reference;
                return Task.FromResult(State.Commits.TryGetValue(sha, out var commit)
                    ? Results.Json(RestCommit(repo, commit))
                    : Results.Json(Shapes.Error($"No commit found for SHA: {reference}"), statusCode: 422));
            }
        });

        Route(api, "POST", "/repos/{owner}/{repo}/actions/workflows/{workflow_id}/dispatches", async context =>
        {
            var body = await BodyAsync(context).ConfigureAwait(false);
            lock (State.Gate)
            {
                var repo = State.Repo(Value(context, "owner"), Value(context, "repo"));
                var workflow = Value(context, "workflow_id");
                if (repo is null || ReadFileLocked(repo, $".github/workflows/{workflow}") is null)
                {
                    return NotFound();
                }

                if ((string?)body["ref"] is not { } reference || !repo.Refs.ContainsKey(reference))
                {
                    return Invalid("No ref found for: " + (string?)body["ref"]);
                }

                Dispatches.Add((repo.FullName, workflow, reference));
                return Results.StatusCode(204);
            }
        });
    }

    private Dictionary<string, object?> RestCommit(RepoState repo, CommitState commit)
    {
        var person = new Dictionary<string, object?>
        {
            ["name"] = "coursebot",
            ["email"] = "coursebot@users.noreply.github.com",
            ["date"] = commit.At,
        };
        return new()
        {
            ["sha"] = commit.Sha,
            ["node_id"] = "C_" + commit.Sha,
            ["url"] = $"{BaseUrl}repos/{repo.FullName}/commits/{commit.Sha}",
            ["html_url"] = $"https://github.com/{repo.FullName}/commit/{commit.Sha}",
            ["comments_url"] = $"{BaseUrl}repos/{repo.FullName}/commits/{commit.Sha}/comments",
            ["commit"] = new Dictionary<string, object?>
            {
                ["url"] = $"{BaseUrl}repos/{repo.FullName}/git/commits/{commit.Sha}",
                ["author"] = person,
                ["committer"] = person,
                ["message"] = commit.Message,
                ["comment_count"] = 0,
                ["tree"] = new Dictionary<string, object?>
                {
                    ["sha"] = commit.Tree,
                    ["url"] = $"{BaseUrl}repos/{repo.FullName}/git/trees/{commit.Tree}",
                },
            },
            ["author"] = null,
            ["committer"] = null,
            ["parents"] = commit.Parent is null
                ? new List<object>()
                :
                [
                    new Dictionary<string, object?>
                    {
                        ["sha"] = commit.Parent,
                        ["url"] = $"{BaseUrl}repos/{repo.FullName}/commits/{commit.Parent}",
                    },
                ],
            ["files"] = new List<object>(),
        };
    }

    /// <summary>A file on a branch (the default one when null); the caller holds the state's lock.</summary>
    private string? ReadFileLocked(RepoState repo, string path, string? branch = null)
    {
        if (!repo.Refs.TryGetValue(branch ?? repo.DefaultBranch, out var head))
        {
            return null;
        }

        var tree = State.Trees[State.Commits[head].Tree];
        return tree.TryGetValue(path, out var blob) ? System.Text.Encoding.UTF8.GetString(State.Blobs[blob]) : null;
    }
}
