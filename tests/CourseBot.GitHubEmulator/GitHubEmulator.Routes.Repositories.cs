
namespace CourseBot.GitHubEmulator;

public sealed partial class GitHubEmulator
{
    private void MapRepositories(RouteGroupBuilder api)
    {
        Route(api, "GET", "/repos/{owner}/{repo}", context =>
        {
            lock (State.Gate)
            {
                return Task.FromResult(
                    State.Repo(Value(context, "owner"), Value(context, "repo")) is { } repo
                        ? Results.Json(Shapes.Repo(repo, BaseUrl))
                        : NotFound()
                );
            }
        });

        // Generation is asynchronous on GitHub: the repository exists at once, its contents later.
        Route(api, "POST", "/repos/{template_owner}/{template_repo}/generate", async context =>
        {
            var body = await BodyAsync(context).ConfigureAwait(false);
            lock (State.Gate)
            {
                var template = State.Repo(Value(context, "template_owner"), Value(context, "template_repo"));
                if (template is null || !template.IsTemplate)
                {
                    return NotFound();
                }

                var owner = (string?)body["owner"] ?? template.Owner;
                var name = (string?)body["name"];
                if (string.IsNullOrEmpty(name))
                {
                    return Invalid("name is required");
                }

                if (State.Repo(owner, name) is not null)
                {
                    return Invalid("Name already exists on this account");
                }

                var repo = new RepoState(State.NextId(), owner, name)
                {
                    Private = (bool?)body["private"] ?? true,
                    ReadyAt = Time.GetUtcNow() + Options.GenerationDelay,
                    CreatedAt = Time.GetUtcNow(),
                };
                var head = State.Commits[template.Refs[template.DefaultBranch]];
                repo.Refs[repo.DefaultBranch] = State.StoreCommit(head.Tree, null, "Initial commit", Time.GetUtcNow());
                State.Repos[repo.FullName] = repo;
                return Results.Json(Shapes.Repo(repo, BaseUrl), statusCode: 201);
            }
        });

        Route(api, "GET", "/repos/{owner}/{repo}/contents/{*path}", context =>
        {
            lock (State.Gate)
            {
                var repo = State.Repo(Value(context, "owner"), Value(context, "repo"));
                if (repo is null || !Ready(repo))
                {
                    return Task.FromResult(
                        repo is null ? NotFound() : Results.Json(Shapes.Error("This repository is empty."), statusCode: 404)
                    );
                }

                var path = Value(context, "path");
                var branch = context.Request.Query["ref"].FirstOrDefault() ?? repo.DefaultBranch;
                var tree = BranchTree(repo, branch);
                if (tree is null || !tree.TryGetValue(path, out var sha))
                {
                    return Task.FromResult(NotFound());
                }

                return Task.FromResult(Results.Json(File(repo, path, sha)));
            }
        });

        // One commit per file, and a stale sha is a conflict: serial use only, as on GitHub.
        Route(api, "PUT", "/repos/{owner}/{repo}/contents/{*path}", async context =>
        {
            var body = await BodyAsync(context).ConfigureAwait(false);
            lock (State.Gate)
            {
                var repo = State.Repo(Value(context, "owner"), Value(context, "repo"));
                if (repo is null)
                {
                    return NotFound();
                }

                if (!Ready(repo))
                {
                    return Results.Json(Shapes.Error("Git Repository is empty."), statusCode: 409);
                }

                var path = Value(context, "path");
                var branch = (string?)body["branch"] ?? repo.DefaultBranch;
                var tree = new Dictionary<string, string>(BranchTree(repo, branch) ?? [], StringComparer.Ordinal);
                var given = (string?)body["sha"];
                if (tree.TryGetValue(path, out var current) && given != current)
                {
                    return given is null
                        ? Invalid("\"sha\" wasn't supplied.")
                        : Results.Json(Shapes.Error($"{path} does not match {given}"), statusCode: 409);
                }

                var content = Convert.FromBase64String((string?)body["content"] ?? "");
                tree[path] = State.StoreBlob(content);
                var commit = State.StoreCommit(
                    State.StoreTree(tree),
                    repo.Refs.GetValueOrDefault(branch),
                    (string?)body["message"] ?? "",
                    Time.GetUtcNow()
                );
                repo.Refs[branch] = commit;
                return Results.Json(
                    new Dictionary<string, object?>
                    {
                        ["content"] = File(repo, path, tree[path]),
                        ["commit"] = new Dictionary<string, object?>
                        {
                            ["sha"] = commit,
                            ["message"] = (string?)body["message"],
                            ["tree"] = new Dictionary<string, object?> { ["sha"] = State.Commits[commit].Tree },
                        },
                    },
                    statusCode: current is null ? 201 : 200
                );
            }
        });

        // Removing a file: one commit, the blob sha of the file as it is now, as on GitHub (a stale sha is a conflict).
        Route(api, "DELETE", "/repos/{owner}/{repo}/contents/{*path}", async context =>
        {
            var body = await BodyAsync(context).ConfigureAwait(false);
            lock (State.Gate)
            {
                var repo = State.Repo(Value(context, "owner"), Value(context, "repo"));
                if (repo is null || !Ready(repo))
                {
                    return NotFound();
                }

                var path = Value(context, "path");
                var branch = (string?)body["branch"] ?? repo.DefaultBranch;
                var tree = new Dictionary<string, string>(BranchTree(repo, branch) ?? [], StringComparer.Ordinal);
                var given = (string?)body["sha"];
                if (given is null)
                {
                    return Invalid("\"sha\" wasn't supplied.");
                }

                if (!tree.TryGetValue(path, out var current))
                {
                    return NotFound();
                }

                if (given != current)
                {
                    return Results.Json(Shapes.Error($"{path} does not match {given}"), statusCode: 409);
                }

                tree.Remove(path);
                var message = (string?)body["message"] ?? "";
                var commit = State.StoreCommit(State.StoreTree(tree), repo.Refs.GetValueOrDefault(branch), message, Time.GetUtcNow());
                repo.Refs[branch] = commit;
                var treeSha = State.Commits[commit].Tree;
                return Results.Json(new Dictionary<string, object?>
                {
                    ["content"] = null,
                    ["commit"] = new Dictionary<string, object?>
                    {
                        ["sha"] = commit, ["message"] = message, ["tree"] = new Dictionary<string, object?> { ["sha"] = treeSha },
                    },
                });
            }
        });

        // Removing a collaborator (or their pending invitation) answers 204, whether or not they were one.
        Route(api, "DELETE", "/repos/{owner}/{repo}/collaborators/{username}", context =>
        {
            lock (State.Gate)
            {
                var repo = State.Repo(Value(context, "owner"), Value(context, "repo"));
                if (repo is null)
                {
                    return Task.FromResult(NotFound());
                }

                repo.Invitations.Remove(Value(context, "username"));
                return Task.FromResult(Results.StatusCode(204));
            }
        });

        Route(api, "PUT", "/repos/{owner}/{repo}/collaborators/{username}", async context =>
        {
            var body = await BodyAsync(context).ConfigureAwait(false);
            lock (State.Gate)
            {
                var repo = State.Repo(Value(context, "owner"), Value(context, "repo"));
                if (repo is null)
                {
                    return NotFound();
                }

                var user = Value(context, "username");
                var existed = repo.Invitations.ContainsKey(user);
                repo.Invitations[user] = (string?)body["permission"] ?? "push";
                if (existed)
                {
                    return Results.StatusCode(204);
                }

                var id = State.NextId();
                return Results.Json(new Dictionary<string, object?>
                {
                    ["id"] = id,
                    ["node_id"] = "RI_" + id,
                    ["invitee"] = Shapes.User(user, BaseUrl),
                    ["inviter"] = Shapes.User(EmulatorState.AppUser, BaseUrl),
                    // The request speaks of pull/push, the invitation of read/write.
                    ["permissions"] = repo.Invitations[user] switch { "pull" => "read", "push" => "write", var other => other },
                    ["repository"] = Shapes.Repo(repo, BaseUrl),
                    ["url"] = $"{BaseUrl}user/repository_invitations/{id}",
                    ["html_url"] = $"https://github.com/{repo.FullName}/invitations",
                    ["expired"] = false,
                    ["created_at"] = Time.GetUtcNow(),
                }, statusCode: 201);
            }
        });
    }

    private bool Ready(RepoState repo) => Time.GetUtcNow() >= repo.ReadyAt;

    /// <summary>The tree of a branch or, as GitHub accepts in <c>ref</c>, of a commit sha.</summary>
    private Dictionary<string, string>? BranchTree(RepoState repo, string branch) =>
        repo.Refs.TryGetValue(branch, out var head) ? State.Trees[State.Commits[head].Tree]
        : State.Commits.TryGetValue(branch, out var commit) ? State.Trees[commit.Tree] : null;

    private Dictionary<string, object?> File(RepoState repo, string path, string sha) => new()
    {
        ["type"] = "file",
        ["encoding"] = "base64",
        ["size"] = State.Blobs[sha].Length,
        ["name"] = path.Split('/')[^1],
        ["path"] = path,
        ["content"] = Convert.ToBase64String(State.Blobs[sha]),
        ["sha"] = sha,
        ["url"] = $"{BaseUrl}repos/{repo.FullName}/contents/{path}",
        ["html_url"] = $"https://github.com/{repo.FullName}/blob/{repo.DefaultBranch}/{path}",
        ["git_url"] = $"{BaseUrl}repos/{repo.FullName}/git/blobs/{sha}",
        ["download_url"] = $"https://raw.githubusercontent.com/{repo.FullName}/{repo.DefaultBranch}/{path}",
        ["_links"] = new Dictionary<string, object?>
        {
            ["self"] = $"{BaseUrl}repos/{repo.FullName}/contents/{path}",
            ["git"] = $"{BaseUrl}repos/{repo.FullName}/git/blobs/{sha}",
            ["html"] = $"https://github.com/{repo.FullName}/blob/{repo.DefaultBranch}/{path}",
        },
    };
}
