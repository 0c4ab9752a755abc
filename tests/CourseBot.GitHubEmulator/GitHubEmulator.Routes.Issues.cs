using System.Globalization;

namespace CourseBot.GitHubEmulator;

public sealed partial class GitHubEmulator
{
    private void MapIssues(RouteGroupBuilder api)
    {
        Route(api, "POST", "/repos/{owner}/{repo}/issues", async context =>
        {
            var body = await BodyAsync(context).ConfigureAwait(false);
            lock (State.Gate)
            {
                if (State.Repo(Value(context, "owner"), Value(context, "repo")) is not { } repo)
                {
                    return NotFound();
                }

                if (string.IsNullOrWhiteSpace((string?)body["title"]))
                {
                    return Invalid("title is required");
                }

                var now = Time.GetUtcNow();
                var issue = new IssueState
                {
                    Id = State.NextId(),
                    Number = repo.NextNumber,
                    Title = (string)body["title"]!,
                    Body = (string?)body["body"],
                    CreatedAt = now,
                    UpdatedAt = now,
                    Milestone = (int?)body["milestone"],
                };
                issue.Labels.AddRange(body["labels"]?.AsArray().Select(l => (string?)l ?? "").Where(l => l.Length > 0) ?? []);
                foreach (var label in issue.Labels.Where(l => !repo.Labels.ContainsKey(l)))
                {
                    repo.Labels[label] = new LabelState(State.NextId(), label, "ededed", null);
                }

                repo.Issues.Add(issue);
                return Results.Json(Shapes.Issue(repo, issue, BaseUrl), statusCode: 201);
            }
        });

        Route(api, "GET", "/repos/{owner}/{repo}/issues", context =>
        {
            lock (State.Gate)
            {
                if (State.Repo(Value(context, "owner"), Value(context, "repo")) is not { } repo)
                {
                    return Task.FromResult(NotFound());
                }

                var state = context.Request.Query["state"].FirstOrDefault() ?? "open";
                return Task.FromResult(
                    Results.Json(
                        repo.Issues.Where(i => state == "all" || i.State == state).Select(i => Shapes.Issue(repo, i, BaseUrl)).ToList()
                    )
                );
            }
        });

        Route(api, "GET", "/repos/{owner}/{repo}/issues/{issue_number}", context =>
        {
            lock (State.Gate)
            {
                return Task.FromResult(
                    FindIssue(context) is ({ } repo, { } issue) ? Results.Json(Shapes.Issue(repo, issue, BaseUrl)) : NotFound()
                );
            }
        });

        Route(api, "PATCH", "/repos/{owner}/{repo}/issues/{issue_number}", async context =>
        {
            var body = await BodyAsync(context).ConfigureAwait(false);
            lock (State.Gate)
            {
                if (FindIssue(context) is not ({ } repo, { } issue))
                {
                    return NotFound();
                }

                if ((string?)body["title"] is { } title)
                {
                    issue.Title = title;
                }

                if (body.ContainsKey("body"))
                {
                    issue.Body = (string?)body["body"];
                }

                if ((string?)body["state"] is { } state)
                {
                    issue.State = state;
                    issue.ClosedAt = state == "closed" ? Time.GetUtcNow() : null;
                }

                if (body["labels"] is { } labels)
                {
                    issue.Labels.Clear();
                    issue.Labels.AddRange(labels.AsArray().Select(l => (string?)l ?? "").Where(l => l.Length > 0));
                }

                if (body.ContainsKey("milestone"))
                {
                    issue.Milestone = (int?)body["milestone"];
                }

                issue.UpdatedAt = Time.GetUtcNow();
                return Results.Json(Shapes.Issue(repo, issue, BaseUrl));
            }
        });

        Route(api, "POST", "/repos/{owner}/{repo}/issues/{issue_number}/comments", async context =>
        {
            var body = await BodyAsync(context).ConfigureAwait(false);
            lock (State.Gate)
            {
                // A pull request is an issue too: its conversation takes issue comments.
                if (FindIssue(context) is not ({ } repo, var issue) || (issue?.Number ?? PullNumber(repo, context)) is not { } number)
                {
                    return NotFound();
                }

                var now = Time.GetUtcNow();
                var comment = new CommentState
                {
                    Id = State.NextId(),
                    IssueNumber = number,
                    Body = (string?)body["body"] ?? "",
                    CreatedAt = now,
                    UpdatedAt = now,
                };
                repo.Comments[comment.Id] = comment;
                return Results.Json(Shapes.Comment(repo, comment, BaseUrl), statusCode: 201);
            }
        });

        Route(api, "GET", "/repos/{owner}/{repo}/issues/{issue_number}/comments", context =>
        {
            lock (State.Gate)
            {
                return Task.FromResult(
                    FindIssue(context) is ({ } repo, { } issue)
                        ? Results.Json(
                            repo.Comments.Values.Where(c => c.IssueNumber == issue.Number)
                                .OrderBy(c => c.Id)
                                .Select(c => Shapes.Comment(repo, c, BaseUrl))
                                .ToList()
                        )
                        : NotFound()
                );
            }
        });

        Route(api, "PATCH", "/repos/{owner}/{repo}/issues/comments/{comment_id}", async context =>
        {
            var body = await BodyAsync(context).ConfigureAwait(false);
            lock (State.Gate)
            {
                var repo = State.Repo(Value(context, "owner"), Value(context, "repo"));
                if (
                    repo is null
                    || !repo.Comments.TryGetValue(long.Parse(Value(context, "comment_id"), CultureInfo.InvariantCulture), out var comment)
                )
                {
                    return NotFound();
                }

                comment.Body = (string?)body["body"] ?? comment.Body;
                comment.UpdatedAt = Time.GetUtcNow();
                return Results.Json(Shapes.Comment(repo, comment, BaseUrl));
            }
        });

        Route(api, "POST", "/repos/{owner}/{repo}/labels", async context =>
        {
            var body = await BodyAsync(context).ConfigureAwait(false);
            lock (State.Gate)
            {
                if (State.Repo(Value(context, "owner"), Value(context, "repo")) is not { } repo)
                {
                    return NotFound();
                }

                var name = (string?)body["name"] ?? "";
                if (repo.Labels.ContainsKey(name))
                {
                    return Invalid("Validation Failed: label already_exists");
                }

                var label = repo.Labels[name] = new LabelState(
                    State.NextId(),
                    name,
                    (string?)body["color"] ?? "ededed",
                    (string?)body["description"]
                );
                return Results.Json(Shapes.Label(repo, label, BaseUrl), statusCode: 201);
            }
        });

        Route(api, "GET", "/repos/{owner}/{repo}/labels", context =>
        {
            lock (State.Gate)
            {
                return Task.FromResult(State.Repo(Value(context, "owner"), Value(context, "repo")) is { } repo
                    ? Results.Json(repo.Labels.Values.Select(l => Shapes.Label(repo, l, BaseUrl)).ToList())
                    : NotFound());
            }
        });

        Route(api, "POST", "/repos/{owner}/{repo}/milestones", async context =>
        {
            var body = await BodyAsync(context).ConfigureAwait(false);
            lock (State.Gate)
            {
                if (State.Repo(Value(context, "owner"), Value(context, "repo")) is not { } repo)
                {
                    return NotFound();
                }

                var milestone = new MilestoneState
                {
                    Id = State.NextId(),
                    Number = repo.Milestones.Count + 1,
                    Title = (string?)body["title"] ?? "",
                    Description = (string?)body["description"],
                    DueOn = (string?)body["due_on"] is { } due ? DateTimeOffset.Parse(due, CultureInfo.InvariantCulture) : null,
                    CreatedAt = Time.GetUtcNow(),
                };
                repo.Milestones.Add(milestone);
                return Results.Json(Shapes.Milestone(repo, milestone, BaseUrl), statusCode: 201);
            }
        });

        // Moving a milestone's due date (an extension) keeps its number, so its issues stay on it.
        Route(api, "PATCH", "/repos/{owner}/{repo}/milestones/{milestone_number}", async context =>
        {
            var body = await BodyAsync(context).ConfigureAwait(false);
            lock (State.Gate)
            {
                if (State.Repo(Value(context, "owner"), Value(context, "repo")) is not { } repo
                    || repo.Milestones.FirstOrDefault(m => m.Number.ToString(CultureInfo.InvariantCulture)
                        == Value(context, "milestone_number")) is not { } milestone)
                {
                    return NotFound();
                }

                if (body.ContainsKey("title"))
                {
                    milestone.Title = (string?)body["title"] ?? milestone.Title;
                }

                if (body.ContainsKey("description"))
                {
                    milestone.Description = (string?)body["description"];
                }

                if (body.ContainsKey("due_on"))
                {
                    milestone.DueOn = (string?)body["due_on"] is { } due ? DateTimeOffset.Parse(due, CultureInfo.InvariantCulture) : null;
                }

                if ((string?)body["state"] is "open" or "closed")
                {
                    milestone.State = (string)body["state"]!;
                }

                return Results.Json(Shapes.Milestone(repo, milestone, BaseUrl));
            }
        });

        Route(api, "GET", "/repos/{owner}/{repo}/milestones", context =>
        {
            lock (State.Gate)
            {
                return Task.FromResult(State.Repo(Value(context, "owner"), Value(context, "repo")) is { } repo
                    ? Results.Json(repo.Milestones.Select(m => Shapes.Milestone(repo, m, BaseUrl)).ToList())
                    : NotFound());
            }
        });
    }

    private static int? PullNumber(RepoState repo, HttpContext context) =>
        repo.Pulls.FirstOrDefault(p => p.Number.ToString(CultureInfo.InvariantCulture) == Value(context, "issue_number"))?.Number;

    private (RepoState? Repo, IssueState? Issue) FindIssue(HttpContext context)
    {
        var repo = State.Repo(Value(context, "owner"), Value(context, "repo"));
        var number = int.TryParse(Value(context, "issue_number"), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : -1;
        return (repo, repo?.Issues.FirstOrDefault(i => i.Number == number));
    }

    private void MapOrganisations(RouteGroupBuilder api)
    {
        // Organisation membership (the App reads it with members: read): 404 for anyone who is neither a member nor invited.
        Route(api, "GET", "/orgs/{org}/memberships/{username}", context =>
        {
            lock (State.Gate)
            {
                var org = Value(context, "org");
                var user = Value(context, "username");
                return Task.FromResult(State.OrgMembers.TryGetValue(org, out var members) && members.TryGetValue(user, out var member)
                    ? Results.Json(Shapes.OrgMembership(org, user, member.Role, member.State, BaseUrl))
                    : NotFound());
            }
        });

        Route(api, "GET", "/orgs/{org}/teams/{team_slug}/memberships/{username}", context =>
        {
            lock (State.Gate)
            {
                return Task.FromResult(State.Teams.TryGetValue(Value(context, "org"), out var teams)
                    && teams.TryGetValue(Value(context, "team_slug"), out var members)
                    && members.TryGetValue(Value(context, "username"), out var role)
                        ? Results.Json(
                            new Dictionary<string, object?>
                            {
                                ["role"] = role,
                                ["state"] = "active",
                                ["url"] =
                                    $"{BaseUrl}orgs/{Value(context, "org")}/teams/{Value(context, "team_slug")}"
                                    + $"/memberships/{Value(context, "username")}",
                            }
                        )
                        : NotFound()
                );
            }
        });
    }
}
