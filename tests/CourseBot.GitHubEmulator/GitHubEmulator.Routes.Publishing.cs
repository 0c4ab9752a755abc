using System.Text;

namespace CourseBot.GitHubEmulator;

public sealed partial class GitHubEmulator
{
    /// <summary>What publishing a course needs: organisation repositories, their settings, trees to compare, teams.</summary>
    private void MapPublishing(RouteGroupBuilder api)
    {
        // auto_init gives the repository its first commit (a README), as GitHub does.
        Route(api, "POST", "/orgs/{org}/repos", async context =>
        {
            var body = await BodyAsync(context).ConfigureAwait(false);
            lock (State.Gate)
            {
                var org = Value(context, "org");
                var name = (string?)body["name"];
                if (string.IsNullOrEmpty(name))
                {
                    return Invalid("name is required");
                }

                if (State.Repo(org, name) is not null)
                {
                    return Invalid("name already exists on this account");
                }

                var repo = new RepoState(State.NextId(), org, name)
                {
                    Private = (bool?)body["private"] ?? false,
                    IsTemplate = (bool?)body["is_template"] ?? false,
                    CreatedAt = Time.GetUtcNow(),
                    ReadyAt = DateTimeOffset.MinValue,
                };
                if ((bool?)body["auto_init"] == true)
                {
                    var readme = new Dictionary<string, string>(StringComparer.Ordinal)
                    {
                        ["README.md"] = State.StoreBlob(Encoding.UTF8.GetBytes($"# {name}\n")),
                    };
                    repo.Refs[repo.DefaultBranch] = State.StoreCommit(State.StoreTree(readme), null, "Initial commit", Time.GetUtcNow());
                }

                State.Repos[repo.FullName] = repo;
                return Results.Json(Shapes.Repo(repo, BaseUrl), statusCode: 201);
            }
        });

        Route(api, "PATCH", "/repos/{owner}/{repo}", async context =>
        {
            var body = await BodyAsync(context).ConfigureAwait(false);
            lock (State.Gate)
            {
                if (State.Repo(Value(context, "owner"), Value(context, "repo")) is not { } repo)
                {
                    return NotFound();
                }

                repo.IsTemplate = (bool?)body["is_template"] ?? repo.IsTemplate;
                repo.Private = (bool?)body["private"] ?? repo.Private;
                repo.Archived = (bool?)body["archived"] ?? repo.Archived;
                return Results.Json(Shapes.Repo(repo, BaseUrl));
            }
        });

        // Git's recursive listing: every file of the tree by full path, as publish compares them.
        Route(api, "GET", "/repos/{owner}/{repo}/git/trees/{tree_sha}", context =>
        {
            lock (State.Gate)
            {
                return Task.FromResult(ReadyRepo(context) is { } repo && State.Trees.ContainsKey(Value(context, "tree_sha"))
                    ? Results.Json(Tree(repo, Value(context, "tree_sha")))
                    : NotFound());
            }
        });

        Route(api, "GET", "/repos/{owner}/{repo}/actions/permissions/access", context =>
        {
            lock (State.Gate)
            {
                return Task.FromResult(State.Repo(Value(context, "owner"), Value(context, "repo")) is { } repo
                    ? Results.Json(new Dictionary<string, object?> { ["access_level"] = repo.ActionsAccess })
                    : NotFound());
            }
        });

        // Only private (or internal) repositories have this setting on GitHub.
        Route(api, "PUT", "/repos/{owner}/{repo}/actions/permissions/access", async context =>
        {
            var body = await BodyAsync(context).ConfigureAwait(false);
            lock (State.Gate)
            {
                if (State.Repo(Value(context, "owner"), Value(context, "repo")) is not { } repo)
                {
                    return NotFound();
                }

                var level = (string?)body["access_level"];
                if (level is not ("none" or "user" or "organization") || !repo.Private)
                {
                    return Invalid(repo.Private ? "access_level must be none, user or organization" : "the repository is public");
                }

                repo.ActionsAccess = level;
                return Results.StatusCode(204);
            }
        });

        Route(api, "GET", "/orgs/{org}/teams/{team_slug}", context =>
        {
            lock (State.Gate)
            {
                var org = Value(context, "org");
                var slug = Value(context, "team_slug");
                return Task.FromResult(State.Teams.TryGetValue(org, out var teams) && teams.TryGetValue(slug, out var members)
                    ? Results.Json(Shapes.Team(org, slug, State.TeamId(org, slug), members.Count, BaseUrl, _startedAt))
                    : NotFound());
            }
        });

        // GitHub answers 204 whether the access is new or changed; a team or repository it does not know is a 404,
        // and a permission outside its list a 422.
        Route(api, "PUT", "/orgs/{org}/teams/{team_slug}/repos/{owner}/{repo}", async context =>
        {
            var body = await BodyAsync(context).ConfigureAwait(false);
            lock (State.Gate)
            {
                var org = Value(context, "org");
                var slug = Value(context, "team_slug");
                var repo = State.Repo(Value(context, "owner"), Value(context, "repo"));
                if (repo is null || !State.Teams.TryGetValue(org, out var teams) || !teams.ContainsKey(slug))
                {
                    return NotFound();
                }

                var permission = (string?)body["permission"] ?? "push";
                if (permission is not ("pull" or "triage" or "push" or "maintain" or "admin"))
                {
                    return Invalid($"Invalid permission {permission}");
                }

                repo.TeamAccess[slug] = permission;
                return Results.StatusCode(204);
            }
        });

        Route(api, "POST", "/orgs/{org}/teams", async context =>
        {
            var body = await BodyAsync(context).ConfigureAwait(false);
            lock (State.Gate)
            {
                var org = Value(context, "org");
                var name = (string?)body["name"] ?? "";
                var slug = name.Trim().ToLowerInvariant().Replace(' ', '-');
                var teams = State.Teams.TryGetValue(org, out var t) ? t : State.Teams[org] = new(StringComparer.OrdinalIgnoreCase);
                if (slug.Length == 0 || teams.ContainsKey(slug))
                {
                    return Invalid(slug.Length == 0 ? "name is required" : "Name must be unique for this org");
                }

                teams[slug] = new(StringComparer.OrdinalIgnoreCase);
                return Results.Json(Shapes.Team(org, slug, State.TeamId(org, slug), 0, BaseUrl, Time.GetUtcNow()), statusCode: 201);
            }
        });

        Route(api, "GET", "/orgs/{org}/installation", context =>
        {
            lock (State.Gate)
            {
                var org = Value(context, "org");
                var installation = State.Installations.FirstOrDefault(i => string.Equals(i.Value, org, StringComparison.OrdinalIgnoreCase));
                return Task.FromResult(installation is { Value: not null } found
                    ? Results.Json(InstallationShape(found.Key, found.Value))
                    : NotFound());
            }
        }, appAuth: true);
    }
}
