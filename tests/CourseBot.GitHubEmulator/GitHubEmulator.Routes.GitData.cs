using System.Text;


namespace CourseBot.GitHubEmulator;

public sealed partial class GitHubEmulator
{
    /// <summary>Blobs, trees, commits and refs: many files in one commit, as the bot writes README and badges.</summary>
    private void MapGitData(RouteGroupBuilder api)
    {
        Route(api, "POST", "/repos/{owner}/{repo}/git/blobs", async context =>
        {
            var body = await BodyAsync(context).ConfigureAwait(false);
            lock (State.Gate)
            {
                if (ReadyRepo(context) is not { } repo)
                {
                    return EmptyOrMissing(context);
                }

                var content = (string?)body["content"] ?? "";
                var bytes = (string?)body["encoding"] == "base64" ? Convert.FromBase64String(content) : Encoding.UTF8.GetBytes(content);
                var sha = State.StoreBlob(bytes);
                return Results.Json(
                    new Dictionary<string, object?> { ["sha"] = sha, ["url"] = $"{BaseUrl}repos/{repo.FullName}/git/blobs/{sha}" },
                    statusCode: 201
                );
            }
        });

        Route(api, "POST", "/repos/{owner}/{repo}/git/trees", async context =>
        {
            var body = await BodyAsync(context).ConfigureAwait(false);
            lock (State.Gate)
            {
                if (ReadyRepo(context) is not { } repo)
                {
                    return EmptyOrMissing(context);
                }

                var entries = (string?)body["base_tree"] is { } baseTree && State.Trees.TryGetValue(baseTree, out var existing)
                    ? new Dictionary<string, string>(existing, StringComparer.Ordinal)
                    : new Dictionary<string, string>(StringComparer.Ordinal);
                foreach (var entry in body["tree"]?.AsArray() ?? [])
                {
                    var path = (string?)entry?["path"] ?? "";
                    if (IsWorkflowFile(path) && RefuseWorkflowChange(context, "POST /repos/{owner}/{repo}/git/trees") is { } refused)
                    {
                        return refused;
                    }

                    if ((string?)entry?["sha"] is { } blob)
                    {
                        if (!State.Blobs.ContainsKey(blob))
                        {
                            return Invalid($"tree.sha {blob} is not a valid blob");
                        }

                        entries[path] = blob;
                    }
                    else if ((string?)entry?["content"] is { } content)
                    {
                        entries[path] = State.StoreBlob(Encoding.UTF8.GetBytes(content));
                    }
                    else
                    {
                        entries.Remove(path);
                    }
                }

                var sha = State.StoreTree(entries);
                return Results.Json(Tree(repo, sha), statusCode: 201);
            }
        });

        Route(api, "POST", "/repos/{owner}/{repo}/git/commits", async context =>
        {
            var body = await BodyAsync(context).ConfigureAwait(false);
            lock (State.Gate)
            {
                if (ReadyRepo(context) is not { } repo)
                {
                    return EmptyOrMissing(context);
                }

                var tree = (string?)body["tree"];
                if (tree is null || !State.Trees.ContainsKey(tree))
                {
                    return Invalid("Tree SHA does not exist");
                }

                var parent = body["parents"]?.AsArray().Select(p => (string?)p).FirstOrDefault();
                var sha = State.StoreCommit(tree, parent, (string?)body["message"] ?? "", Time.GetUtcNow());
                return Results.Json(Commit(repo, State.Commits[sha]), statusCode: 201);
            }
        });

        // A branch from a commit the repository holds: how a pull request's head branch comes to be.
        Route(api, "POST", "/repos/{owner}/{repo}/git/refs", async context =>
        {
            var body = await BodyAsync(context).ConfigureAwait(false);
            lock (State.Gate)
            {
                if (ReadyRepo(context) is not { } repo)
                {
                    return EmptyOrMissing(context);
                }

                var name = (string?)body["ref"] ?? "";
                var sha = (string?)body["sha"];
                if (!name.StartsWith("refs/heads/", StringComparison.Ordinal) || name.Length == "refs/heads/".Length)
                {
                    return Invalid("Reference name must start with 'refs/heads/' and name a branch");
                }

                if (repo.Refs.ContainsKey(name[11..]))
                {
                    return Invalid("Reference already exists");
                }

                if (sha is null || !State.Commits.ContainsKey(sha))
                {
                    return Invalid("Object does not exist");
                }

                repo.Refs[name[11..]] = sha;
                context.Response.Headers.Location = $"{BaseUrl}repos/{repo.FullName}/git/{name}";
                return Results.Json(Ref(repo, name[5..], sha), statusCode: 201);
            }
        });

        Route(api, "GET", "/repos/{owner}/{repo}/git/ref/{*ref}", context =>
        {
            lock (State.Gate)
            {
                if (ReadyRepo(context) is not { } repo)
                {
                    return Task.FromResult(EmptyOrMissing(context));
                }

                var name = Value(context, "ref");
                return Task.FromResult(name.StartsWith("heads/", StringComparison.Ordinal) && repo.Refs.TryGetValue(name[6..], out var sha)
                    ? Results.Json(Ref(repo, name, sha))
                    : NotFound());
            }
        });

        // A stale parent is refused unless forced, so two writers cannot lose each other's commit.
        Route(api, "PATCH", "/repos/{owner}/{repo}/git/refs/{*ref}", async context =>
        {
            var body = await BodyAsync(context).ConfigureAwait(false);
            lock (State.Gate)
            {
                if (ReadyRepo(context) is not { } repo)
                {
                    return EmptyOrMissing(context);
                }

                var name = Value(context, "ref");
                var sha = (string?)body["sha"];
                if (!name.StartsWith("heads/", StringComparison.Ordinal) || !repo.Refs.TryGetValue(name[6..], out var current))
                {
                    return Invalid("Reference does not exist");
                }

                if (sha is null || !State.Commits.TryGetValue(sha, out var commit))
                {
                    return Invalid("Object does not exist");
                }

                if (commit.Parent != current && (bool?)body["force"] != true)
                {
                    return Invalid("Update is not a fast forward");
                }

                repo.Refs[name[6..]] = sha;
                return Results.Json(Ref(repo, name, sha));
            }
        });

        Route(api, "GET", "/repos/{owner}/{repo}/git/commits/{commit_sha}", context =>
        {
            lock (State.Gate)
            {
                return Task.FromResult(
                    ReadyRepo(context) is { } repo && State.Commits.TryGetValue(Value(context, "commit_sha"), out var commit)
                        ? Results.Json(Commit(repo, commit))
                        : NotFound()
                );
            }
        });
    }

    private RepoState? ReadyRepo(HttpContext context) =>
        State.Repo(Value(context, "owner"), Value(context, "repo")) is { } repo && Ready(repo) ? repo : null;

    private IResult EmptyOrMissing(HttpContext context) =>
        State.Repo(Value(context, "owner"), Value(context, "repo")) is null
            ? NotFound()
            : Results.Json(Shapes.Error("Git Repository is empty."), statusCode: 409);

    private Dictionary<string, object?> Tree(RepoState repo, string sha) =>
        new()
        {
            ["sha"] = sha,
            ["url"] = $"{BaseUrl}repos/{repo.FullName}/git/trees/{sha}",
            ["truncated"] = false,
            ["tree"] = State
                .Trees[sha]
                .Select(e => new Dictionary<string, object?>
                {
                    ["path"] = e.Key,
                    ["mode"] = "100644",
                    ["type"] = "blob",
                    ["sha"] = e.Value,
                    ["size"] = State.Blobs[e.Value].Length,
                })
                .ToList(),
        };

    private Dictionary<string, object?> Commit(RepoState repo, CommitState commit) =>
        new()
        {
            ["sha"] = commit.Sha,
            ["node_id"] = "C_" + commit.Sha,
            ["url"] = $"{BaseUrl}repos/{repo.FullName}/git/commits/{commit.Sha}",
            ["html_url"] = $"https://github.com/{repo.FullName}/commit/{commit.Sha}",
            ["message"] = commit.Message,
            ["tree"] = new Dictionary<string, object?>
            {
                ["sha"] = commit.Tree,
                ["url"] = $"{BaseUrl}repos/{repo.FullName}/git/trees/{commit.Tree}",
            },
            ["parents"] = commit.Parent is null
                ? new List<object>()
                :
                [
                    new Dictionary<string, object?>
                    {
                        ["sha"] = commit.Parent,
                        ["url"] = $"{BaseUrl}repos/{repo.FullName}/git/commits/{commit.Parent}",
                        ["html_url"] = $"https://github.com/{repo.FullName}/commit/{commit.Parent}",
                    },
                ],
            ["author"] = new Dictionary<string, object?>
            {
                ["name"] = "coursebot[bot]",
                ["email"] = "bot@coursebot",
                ["date"] = commit.At,
            },
            ["committer"] = new Dictionary<string, object?>
            {
                ["name"] = "coursebot[bot]",
                ["email"] = "bot@coursebot",
                ["date"] = commit.At,
            },
            ["verification"] = new Dictionary<string, object?>
            {
                ["verified"] = false,
                ["reason"] = "unsigned",
                ["signature"] = null,
                ["payload"] = null,
                ["verified_at"] = null,
            },
        };

    private Dictionary<string, object?> Ref(RepoState repo, string name, string sha) =>
        new()
        {
            ["ref"] = "refs/" + name,
            ["node_id"] = "REF_" + sha,
            ["url"] = $"{BaseUrl}repos/{repo.FullName}/git/refs/{name}",
            ["object"] = new Dictionary<string, object?>
            {
                ["type"] = "commit",
                ["sha"] = sha,
                ["url"] = $"{BaseUrl}repos/{repo.FullName}/git/commits/{sha}",
            },
        };
}
