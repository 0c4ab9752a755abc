using System.Globalization;

namespace CourseBot.GitHubEmulator;

public sealed partial class GitHubEmulator
{
    /// <summary>Pull requests between two branches of one repository, and their reviews.</summary>
    private void MapPulls(RouteGroupBuilder api)
    {
        // GitHub validates the branches (422 per field), refuses an empty pull and a duplicate open one.
        Route(api, "POST", "/repos/{owner}/{repo}/pulls", async context =>
        {
            var body = await BodyAsync(context).ConfigureAwait(false);
            lock (State.Gate)
            {
                if (State.Repo(Value(context, "owner"), Value(context, "repo")) is not { } repo)
                {
                    return NotFound();
                }

                var title = (string?)body["title"];
                var head = BranchName(repo, (string?)body["head"]);
                var @base = (string?)body["base"];
                var errors = new List<Dictionary<string, object?>>();
                if (string.IsNullOrWhiteSpace(title))
                {
                    errors.Add(new() { ["resource"] = "Issue", ["code"] = "missing_field", ["field"] = "title" });
                }

                if (head is null || !Ready(repo) || !repo.Refs.ContainsKey(head))
                {
                    errors.Add(new() { ["resource"] = "PullRequest", ["code"] = "invalid", ["field"] = "head" });
                }

                if (@base is null || !Ready(repo) || !repo.Refs.ContainsKey(@base))
                {
                    errors.Add(new() { ["resource"] = "PullRequest", ["code"] = "invalid", ["field"] = "base" });
                }

                if (errors.Count > 0)
                {
                    return Results.Json(Shapes.ValidationFailed([.. errors]), statusCode: 422);
                }

                if (Commits(repo.Refs[head!], repo.Refs[@base!]).Count == 0)
                {
                    return Results.Json(Shapes.ValidationFailed(Custom($"No commits between {@base} and {head}")), statusCode: 422);
                }

                if (repo.Pulls.Any(p => p.State == "open" && p.Head == head && p.Base == @base))
                {
                    return Results.Json(
                        Shapes.ValidationFailed(Custom($"A pull request already exists for {repo.Owner}:{head}.")),
                        statusCode: 422
                    );
                }

                var now = Time.GetUtcNow();
                var pull = new PullState
                {
                    Id = State.NextId(),
                    Number = repo.NextNumber,
                    Title = title!,
                    Body = (string?)body["body"],
                    Head = head!,
                    Base = @base!,
                    HeadSha = repo.Refs[head!],
                    Draft = (bool?)body["draft"] ?? false,
                    CreatedAt = now,
                    UpdatedAt = now,
                };
                repo.Pulls.Add(pull);
                context.Response.Headers.Location = $"{BaseUrl}repos/{repo.FullName}/pulls/{pull.Number}";
                return Results.Json(Shapes.PullRequest(repo, pull, Figures(repo, pull), BaseUrl), statusCode: 201);
            }
        });

        // Newest first, as GitHub sorts by default; filtered by state (open unless asked), head and base.
        Route(api, "GET", "/repos/{owner}/{repo}/pulls", context =>
        {
            lock (State.Gate)
            {
                if (State.Repo(Value(context, "owner"), Value(context, "repo")) is not { } repo)
                {
                    return Task.FromResult(NotFound());
                }

                var state = context.Request.Query["state"].FirstOrDefault() ?? "open";
                var head = context.Request.Query["head"].FirstOrDefault();
                var @base = context.Request.Query["base"].FirstOrDefault();
                var pulls = repo.Pulls
                    .Where(p => state == "all" || p.State == state)
                    .Where(p => head is null || $"{repo.Owner}:{p.Head}".Equals(head, StringComparison.OrdinalIgnoreCase))
                    .Where(p => @base is null || p.Base == @base)
                    .OrderByDescending(p => p.Number)
                    .Select(p => Shapes.PullRequest(repo, p, Figures(repo, p), BaseUrl))
                    .ToList();
                return Task.FromResult(Results.Json(pulls));
            }
        });

        Route(api, "GET", "/repos/{owner}/{repo}/pulls/{pull_number}", context =>
        {
            lock (State.Gate)
            {
                return Task.FromResult(FindPull(context) is ({ } repo, { } pull)
                    ? Results.Json(Shapes.PullRequest(repo, pull, Figures(repo, pull), BaseUrl))
                    : NotFound());
            }
        });

        // Reviewers and teams are added to the pull request's requests; GitHub refuses the author as a reviewer
        // and a team the organisation does not have (422 both).
        Route(api, "POST", "/repos/{owner}/{repo}/pulls/{pull_number}/requested_reviewers", async context =>
        {
            var body = await BodyAsync(context).ConfigureAwait(false);
            lock (State.Gate)
            {
                if (FindPull(context) is not ({ } repo, { } pull))
                {
                    return NotFound();
                }

                var users = body["reviewers"]?.AsArray().Select(r => (string?)r ?? "").ToList() ?? [];
                var teams = body["team_reviewers"]?.AsArray().Select(r => (string?)r ?? "").ToList() ?? [];
                var known = State.Teams.GetValueOrDefault(repo.Owner);
                if (users.Any(u => u.Equals(pull.User, StringComparison.OrdinalIgnoreCase)))
                {
                    return Results.Json(Shapes.Unprocessable("Review cannot be requested from pull request author."), statusCode: 422);
                }

                if (teams.Any(t => known is null || !known.ContainsKey(t)))
                {
                    return Results.Json(Shapes.Unprocessable("Reviews may only be requested from collaborators."), statusCode: 422);
                }

                pull.RequestedReviewers.AddRange(users.Where(u => !pull.RequestedReviewers.Contains(u, StringComparer.OrdinalIgnoreCase)));
                pull.RequestedTeams.AddRange(teams.Where(t => !pull.RequestedTeams.Contains(t, StringComparer.OrdinalIgnoreCase)));
                return Results.Json(Shapes.PullRequest(repo, pull, Figures(repo, pull), BaseUrl), statusCode: 201);
            }
        });

        Route(api, "GET", "/repos/{owner}/{repo}/pulls/{pull_number}/reviews", context =>
        {
            lock (State.Gate)
            {
                return Task.FromResult(FindPull(context) is ({ } repo, { } pull)
                    ? Results.Json(pull.Reviews.OrderBy(r => r.Id).Select(r => Shapes.Review(repo, pull, r, BaseUrl)).ToList())
                    : NotFound());
            }
        });

        // Without an event the review stays pending (one per reviewer); the App cannot approve or
        // request changes on a pull request it opened itself, as on GitHub.
        Route(api, "POST", "/repos/{owner}/{repo}/pulls/{pull_number}/reviews", async context =>
        {
            var body = await BodyAsync(context).ConfigureAwait(false);
            lock (State.Gate)
            {
                if (FindPull(context) is not ({ } repo, { } pull))
                {
                    return NotFound();
                }

                var reviewer = EmulatorState.AppUser;
                var text = (string?)body["body"] ?? "";
                var state = (string?)body["event"] switch
                {
                    null => "PENDING",
                    "APPROVE" => "APPROVED",
                    "REQUEST_CHANGES" => "CHANGES_REQUESTED",
                    "COMMENT" => "COMMENTED",
                    _ => null,
                };
                var refusal = state switch
                {
                    null => $"Unknown review event {(string?)body["event"]}",
                    "APPROVED" when pull.User == reviewer => "Can not approve your own pull request",
                    "CHANGES_REQUESTED" when pull.User == reviewer => "Can not request changes on your own pull request",
                    "CHANGES_REQUESTED" or "COMMENTED" when text.Length == 0 => "Body can not be blank for this event",
                    "PENDING" when pull.Reviews.Any(r => r.User == reviewer && r.State == "PENDING") =>
                        "User can only have one pending review per pull request",
                    _ => null,
                };
                if (refusal is not null)
                {
                    return Results.Json(Shapes.Unprocessable(refusal), statusCode: 422);
                }

                var review = new ReviewState
                {
                    Id = State.NextId(),
                    User = reviewer,
                    State = state!,
                    Body = text,
                    CommitId = (string?)body["commit_id"] ?? Figures(repo, pull).HeadSha,
                    SubmittedAt = state == "PENDING" ? null : Time.GetUtcNow(),
                };
                pull.Reviews.Add(review);
                return Results.Json(Shapes.Review(repo, pull, review, BaseUrl));
            }
        });
    }

    private (RepoState? Repo, PullState? Pull) FindPull(HttpContext context)
    {
        var repo = State.Repo(Value(context, "owner"), Value(context, "repo"));
        var number = int.TryParse(Value(context, "pull_number"), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : -1;
        return (repo, repo?.Pulls.FirstOrDefault(p => p.Number == number));
    }

    /// <summary>A head given as <c>branch</c> or <c>owner:branch</c>; another owner's fork is not emulated.</summary>
    private static string? BranchName(RepoState repo, string? head) =>
        head?.Split(':') switch
        {
            [var branch] => branch,
            [var owner, var branch] when owner.Equals(repo.Owner, StringComparison.OrdinalIgnoreCase) => branch,
            _ => null,
        };

    private static Dictionary<string, object?> Custom(string message) =>
        new() { ["resource"] = "PullRequest", ["code"] = "custom", ["message"] = message };

    /// <summary>The commits on <paramref name="head"/> that <paramref name="base"/> lacks, newest first.</summary>
    private List<string> Commits(string head, string @base)
    {
        var reachable = new HashSet<string>(StringComparer.Ordinal);
        for (var sha = @base; sha is not null; sha = State.Commits[sha].Parent)
        {
            reachable.Add(sha);
        }

        var commits = new List<string>();
        for (var sha = head; sha is not null && !reachable.Contains(sha); sha = State.Commits[sha].Parent)
        {
            commits.Add(sha);
        }

        return commits;
    }

    /// <summary>The pull request's branches as they are now (a deleted head keeps its last commit).</summary>
    private PullFigures Figures(RepoState repo, PullState pull)
    {
        pull.HeadSha = repo.Refs.GetValueOrDefault(pull.Head) ?? pull.HeadSha;
        var baseSha = repo.Refs.GetValueOrDefault(pull.Base) ?? pull.HeadSha;
        var headTree = State.Trees[State.Commits[pull.HeadSha].Tree];
        var baseTree = State.Trees[State.Commits[baseSha].Tree];
        var changed = headTree
            .Keys.Union(baseTree.Keys)
            .Where(path => headTree.GetValueOrDefault(path) != baseTree.GetValueOrDefault(path))
            .ToList();
        var (additions, deletions) = (0, 0);
        foreach (var path in changed)
        {
            var before = Lines(baseTree.GetValueOrDefault(path));
            var after = Lines(headTree.GetValueOrDefault(path));
            additions += after.Count(line => !before.Remove(line));
            deletions += before.Count;
        }

        return new PullFigures(pull.HeadSha, baseSha, Commits(pull.HeadSha, baseSha).Count, additions, deletions, changed.Count);
    }

    /// <summary>A blob's lines as a multiset: enough for GitHub's added and deleted line counts on small files.</summary>
    private List<string> Lines(string? blob) =>
        blob is null ? [] : [.. System.Text.Encoding.UTF8.GetString(State.Blobs[blob]).Split('\n', StringSplitOptions.RemoveEmptyEntries)];
}
