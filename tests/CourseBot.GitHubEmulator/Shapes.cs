namespace CourseBot.GitHubEmulator;

/// <summary>
/// GitHub's JSON shapes: every field the api.github.com OpenAPI description requires of a response
/// (checked by the emulator's schema test), with the values the emulator's state gives them.
/// </summary>
internal static partial class Shapes
{
    /// <summary>An account's id: stable for the emulator's process, different for different logins.</summary>
    public static long AccountId(string login) => Math.Abs((long)login.GetHashCode(StringComparison.Ordinal));

    /// <summary>GET /orgs/{org}/memberships/{username}: a membership (active, or pending until the invitation is accepted).</summary>
    public static Dictionary<string, object?> OrgMembership(string org, string login, string role, string state, string baseUrl) => new()
    {
        ["url"] = $"{baseUrl}orgs/{org}/memberships/{login}",
        ["state"] = state,
        ["role"] = role,
        ["organization_url"] = $"{baseUrl}orgs/{org}",
        ["organization"] = Organization(org, baseUrl),
        ["user"] = User(login, baseUrl),
        ["permissions"] = new Dictionary<string, object?> { ["can_create_repository"] = role == "admin" },
    };

    public static Dictionary<string, object?> Organization(string org, string baseUrl)
    {
        var url = $"{baseUrl}orgs/{org}";
        return new()
        {
            ["login"] = org,
            ["id"] = AccountId(org),
            ["node_id"] = "O_" + org,
            ["url"] = url,
            ["repos_url"] = url + "/repos",
            ["events_url"] = url + "/events",
            ["hooks_url"] = url + "/hooks",
            ["issues_url"] = url + "/issues",
            ["members_url"] = url + "/members{/member}",
            ["public_members_url"] = url + "/public_members{/member}",
            ["avatar_url"] = $"https://avatars.githubusercontent.com/{org}",
            ["description"] = null,
        };
    }

    public static Dictionary<string, object?> User(string login, string baseUrl)
    {
        var url = $"{baseUrl}users/{login}";
        return new()
        {
            ["login"] = login,
            ["id"] = AccountId(login),
            ["node_id"] = "U_" + login,
            ["type"] = login.EndsWith("[bot]", StringComparison.Ordinal) ? "Bot" : "User",
            ["site_admin"] = false,
            ["user_view_type"] = "public",
            ["url"] = url,
            ["html_url"] = $"https://github.com/{login}",
            ["avatar_url"] = $"https://avatars.githubusercontent.com/{login}",
            ["gravatar_id"] = "",
            ["followers_url"] = url + "/followers",
            ["following_url"] = url + "/following{/other_user}",
            ["gists_url"] = url + "/gists{/gist_id}",
            ["starred_url"] = url + "/starred{/owner}{/repo}",
            ["subscriptions_url"] = url + "/subscriptions",
            ["organizations_url"] = url + "/orgs",
            ["repos_url"] = url + "/repos",
            ["events_url"] = url + "/events{/privacy}",
            ["received_events_url"] = url + "/received_events",
        };
    }

    /// <summary>A repository as GET /repos/{owner}/{repo} gives it; also where GitHub embeds a smaller form.</summary>
    public static Dictionary<string, object?> Repo(RepoState repo, string baseUrl)
    {
        var url = $"{baseUrl}repos/{repo.FullName}";
        var openIssues = repo.Issues.Count(i => i.State == "open") + repo.Pulls.Count(p => p.State == "open");
        var repository = new Dictionary<string, object?>
        {
            ["id"] = repo.Id,
            ["node_id"] = "R_" + repo.Id,
            ["name"] = repo.Name,
            ["full_name"] = repo.FullName,
            ["owner"] = User(repo.Owner, baseUrl),
            ["private"] = repo.Private,
            ["is_template"] = repo.IsTemplate,
            ["default_branch"] = repo.DefaultBranch,
            ["description"] = null,
            ["homepage"] = null,
            ["language"] = null,
            ["license"] = null,
            ["mirror_url"] = null,
            ["html_url"] = $"https://github.com/{repo.FullName}",
            ["url"] = url,
            ["clone_url"] = $"https://github.com/{repo.FullName}.git",
            ["git_url"] = $"git://github.com/{repo.FullName}.git",
            ["ssh_url"] = $"git@github.com:{repo.FullName}.git",
            ["svn_url"] = $"https://github.com/{repo.FullName}",
            ["visibility"] = repo.Private ? "private" : "public",
            ["fork"] = false,
            ["archived"] = repo.Archived,
            ["disabled"] = false,
            ["has_issues"] = true,
            ["has_projects"] = false,
            ["has_wiki"] = false,
            ["has_pages"] = false,
            ["has_downloads"] = false,
            ["has_discussions"] = false,
            ["size"] = 0,
            ["forks"] = 0,
            ["forks_count"] = 0,
            ["stargazers_count"] = 0,
            ["watchers"] = 0,
            ["watchers_count"] = 0,
            ["network_count"] = 0,
            ["subscribers_count"] = 0,
            ["open_issues"] = openIssues,
            ["open_issues_count"] = openIssues,
            ["topics"] = new List<string>(),
            ["created_at"] = repo.CreatedAt,
            ["updated_at"] = repo.CreatedAt,
            ["pushed_at"] = repo.CreatedAt,
        };

        // GitHub lists the API's URL templates for the repository's sub-resources.
        foreach (var (name, suffix) in RepoUrlTemplates)
        {
            repository[name + "_url"] = url + suffix;
        }

        return repository;
    }

    public static Dictionary<string, object?> Issue(RepoState repo, IssueState issue, string baseUrl)
    {
        var url = $"{baseUrl}repos/{repo.FullName}/issues/{issue.Number}";
        return new()
        {
            ["id"] = issue.Id,
            ["node_id"] = "I_" + issue.Id,
            ["number"] = issue.Number,
            ["title"] = issue.Title,
            ["body"] = issue.Body,
            ["state"] = issue.State,
            ["state_reason"] = issue.State == "closed" ? "completed" : null,
            ["user"] = User(issue.User, baseUrl),
            ["labels"] = Labels(repo, issue.Labels, baseUrl),
            ["milestone"] = Milestone(repo, issue.Milestone, baseUrl),
            ["assignee"] = null,
            ["assignees"] = new List<object>(),
            ["comments"] = repo.Comments.Values.Count(c => c.IssueNumber == issue.Number),
            ["html_url"] = $"https://github.com/{repo.FullName}/issues/{issue.Number}",
            ["url"] = url,
            ["repository_url"] = $"{baseUrl}repos/{repo.FullName}",
            ["labels_url"] = url + "/labels{/name}",
            ["comments_url"] = url + "/comments",
            ["events_url"] = url + "/events",
            ["created_at"] = issue.CreatedAt,
            ["updated_at"] = issue.UpdatedAt,
            ["closed_at"] = issue.ClosedAt,
            ["locked"] = false,
            ["author_association"] = "NONE",
        };
    }

    public static Dictionary<string, object?> Comment(RepoState repo, CommentState comment, string baseUrl) => new()
    {
        ["id"] = comment.Id,
        ["node_id"] = "IC_" + comment.Id,
        ["body"] = comment.Body,
        ["user"] = User(comment.User, baseUrl),
        ["html_url"] = $"https://github.com/{repo.FullName}/issues/{comment.IssueNumber}#issuecomment-{comment.Id}",
        ["issue_url"] = $"{baseUrl}repos/{repo.FullName}/issues/{comment.IssueNumber}",
        ["url"] = $"{baseUrl}repos/{repo.FullName}/issues/comments/{comment.Id}",
        ["created_at"] = comment.CreatedAt,
        ["updated_at"] = comment.UpdatedAt,
        ["author_association"] = "NONE",
    };

    public static Dictionary<string, object?> Label(RepoState repo, LabelState label, string baseUrl) => new()
    {
        ["id"] = label.Id,
        ["node_id"] = "LA_" + label.Id,
        ["name"] = label.Name,
        ["color"] = label.Color,
        ["description"] = label.Description,
        ["default"] = false,
        ["url"] = $"{baseUrl}repos/{repo.FullName}/labels/{Uri.EscapeDataString(label.Name)}",
    };

    public static Dictionary<string, object?> Milestone(RepoState repo, MilestoneState milestone, string baseUrl)
    {
        var url = $"{baseUrl}repos/{repo.FullName}/milestones/{milestone.Number}";
        return new()
        {
            ["id"] = milestone.Id,
            ["node_id"] = "MI_" + milestone.Id,
            ["number"] = milestone.Number,
            ["title"] = milestone.Title,
            ["description"] = milestone.Description,
            ["state"] = milestone.State,
            ["creator"] = User(EmulatorState.AppUser, baseUrl),
            ["due_on"] = milestone.DueOn,
            ["open_issues"] = repo.Issues.Count(i => i.Milestone == milestone.Number && i.State == "open"),
            ["closed_issues"] = repo.Issues.Count(i => i.Milestone == milestone.Number && i.State == "closed"),
            ["url"] = url,
            ["labels_url"] = url + "/labels",
            ["html_url"] = $"https://github.com/{repo.FullName}/milestone/{milestone.Number}",
            ["created_at"] = milestone.CreatedAt,
            ["updated_at"] = milestone.CreatedAt,
            ["closed_at"] = null,
        };
    }

    public static Dictionary<string, object?> Installation(long id, string account, string baseUrl, DateTimeOffset at) => new()
    {
        ["id"] = id,
        ["app_id"] = 1,
        ["app_slug"] = "coursebot",
        ["client_id"] = "Iv1.coursebot",
        ["account"] = Account(account, baseUrl, at),
        ["target_id"] = Math.Abs((long)account.GetHashCode(StringComparison.Ordinal)),
        ["target_type"] = "Organization",
        ["repository_selection"] = "all",
        ["access_tokens_url"] = $"{baseUrl}app/installations/{id}/access_tokens",
        ["repositories_url"] = $"{baseUrl}installation/repositories",
        ["html_url"] = $"https://github.com/organizations/{account}/settings/installations/{id}",
        ["permissions"] = Permissions,
        ["events"] = new List<string> { "issues", "issue_comment", "push", "pull_request", "pull_request_review" },
        ["single_file_name"] = null,
        ["created_at"] = at,
        ["updated_at"] = at,
        ["suspended_by"] = null,
        ["suspended_at"] = null,
    };

    /// <summary>What the App asks for (bot/app-manifest.json, as are the events above), as GitHub reports an installation's
    /// grant.</summary>
    public static Dictionary<string, string> Permissions => new()
    {
        ["administration"] = "write",
        ["contents"] = "write",
        ["issues"] = "write",
        ["pull_requests"] = "write",
        ["workflows"] = "write",
        ["members"] = "read",
        ["metadata"] = "read",
        ["actions"] = "write",
    };

    public static Dictionary<string, object?> PullRequest(RepoState repo, PullState pull, PullFigures figures, string baseUrl)
    {
        var url = $"{baseUrl}repos/{repo.FullName}/pulls/{pull.Number}";
        var issueUrl = $"{baseUrl}repos/{repo.FullName}/issues/{pull.Number}";
        var html = $"https://github.com/{repo.FullName}/pull/{pull.Number}";
        var statuses = $"{baseUrl}repos/{repo.FullName}/statuses/{figures.HeadSha}";
        return new()
        {
            ["id"] = pull.Id,
            ["node_id"] = "PR_" + pull.Id,
            ["number"] = pull.Number,
            ["title"] = pull.Title,
            ["body"] = pull.Body,
            ["state"] = pull.State,
            ["locked"] = false,
            ["draft"] = pull.Draft,
            ["user"] = User(pull.User, baseUrl),
            ["labels"] = new List<object>(),
            ["milestone"] = null,
            ["assignee"] = null,
            ["assignees"] = new List<object>(),
            ["requested_reviewers"] = pull.RequestedReviewers.Select(r => User(r, baseUrl)).ToList(),
            ["requested_teams"] = new List<object>(),
            ["head"] = Branch(repo, pull.Head, figures.HeadSha, baseUrl),
            ["base"] = Branch(repo, pull.Base, figures.BaseSha, baseUrl),
            ["author_association"] = "NONE",
            ["auto_merge"] = null,
            ["url"] = url,
            ["html_url"] = html,
            ["diff_url"] = html + ".diff",
            ["patch_url"] = html + ".patch",
            ["issue_url"] = issueUrl,
            ["commits_url"] = url + "/commits",
            ["review_comments_url"] = url + "/comments",
            ["review_comment_url"] = $"{baseUrl}repos/{repo.FullName}/pulls/comments{{/number}}",
            ["comments_url"] = issueUrl + "/comments",
            ["statuses_url"] = statuses,
            ["_links"] = new Dictionary<string, object?>
            {
                ["self"] = Link(url),
                ["html"] = Link(html),
                ["issue"] = Link(issueUrl),
                ["comments"] = Link(issueUrl + "/comments"),
                ["review_comments"] = Link(url + "/comments"),
                ["review_comment"] = Link($"{baseUrl}repos/{repo.FullName}/pulls/comments{{/number}}"),
                ["commits"] = Link(url + "/commits"),
                ["statuses"] = Link(statuses),
            },
            ["created_at"] = pull.CreatedAt,
            ["updated_at"] = pull.UpdatedAt,
            ["closed_at"] = pull.ClosedAt,
            ["merged_at"] = null,
            ["merge_commit_sha"] = null,
            // The emulator has no merge route: a pull request is open or closed unmerged.
            ["merged"] = false,
            ["merged_by"] = null,
            // GitHub computes mergeability in the background; the emulator's branches never conflict.
            ["mergeable"] = pull.State == "open",
            ["rebaseable"] = pull.State == "open",
            ["mergeable_state"] = pull.State == "open" ? "clean" : "unknown",
            ["maintainer_can_modify"] = false,
            ["comments"] = repo.Comments.Values.Count(c => c.IssueNumber == pull.Number),
            ["review_comments"] = 0,
            ["commits"] = figures.Commits,
            ["additions"] = figures.Additions,
            ["deletions"] = figures.Deletions,
            ["changed_files"] = figures.ChangedFiles,
        };
    }

    public static Dictionary<string, object?> Review(RepoState repo, PullState pull, ReviewState review, string baseUrl)
    {
        var html = $"https://github.com/{repo.FullName}/pull/{pull.Number}#pullrequestreview-{review.Id}";
        var pullUrl = $"{baseUrl}repos/{repo.FullName}/pulls/{pull.Number}";
        var shape = new Dictionary<string, object?>
        {
            ["id"] = review.Id,
            ["node_id"] = "PRR_" + review.Id,
            ["user"] = User(review.User, baseUrl),
            ["body"] = review.Body,
            ["state"] = review.State,
            ["commit_id"] = review.CommitId,
            ["html_url"] = html,
            ["pull_request_url"] = pullUrl,
            ["author_association"] = "NONE",
            ["_links"] = new Dictionary<string, object?> { ["html"] = Link(html), ["pull_request"] = Link(pullUrl) },
        };

        // A pending review has not been submitted, and GitHub leaves the field out.
        if (review.SubmittedAt is { } submitted)
        {
            shape["submitted_at"] = submitted;
        }

        return shape;
    }

    public static Dictionary<string, object?> Error(string message, string? documentation = null) => new()
    {
        ["message"] = message,
        ["documentation_url"] = documentation ?? "https://docs.github.com/rest",
    };

    /// <summary>GitHub's 422 with field-level errors (resource, field, code) that Octokit turns into ApiValidationException.</summary>
    public static Dictionary<string, object?> ValidationFailed(params Dictionary<string, object?>[] errors) => new()
    {
        ["message"] = "Validation Failed",
        ["errors"] = errors,
        ["documentation_url"] = "https://docs.github.com/rest",
        ["status"] = "422",
    };

    /// <summary>GitHub's 422 whose errors are plain sentences (reviews answer so).</summary>
    public static Dictionary<string, object?> Unprocessable(params string[] errors) => new()
    {
        ["message"] = "Unprocessable Entity",
        ["errors"] = errors,
        ["documentation_url"] = "https://docs.github.com/rest",
        ["status"] = "422",
    };

    private static readonly (string Name, string Suffix)[] RepoUrlTemplates =
    [
        ("archive", "/{archive_format}{/ref}"),
        ("assignees", "/assignees{/user}"),
        ("blobs", "/git/blobs{/sha}"),
        ("branches", "/branches{/branch}"),
        ("collaborators", "/collaborators{/collaborator}"),
        ("comments", "/comments{/number}"),
        ("commits", "/commits{/sha}"),
        ("compare", "/compare/{base}...{head}"),
        ("contents", "/contents/{+path}"),
        ("contributors", "/contributors"),
        ("deployments", "/deployments"),
        ("downloads", "/downloads"),
        ("events", "/events"),
        ("forks", "/forks"),
        ("git_commits", "/git/commits{/sha}"),
        ("git_refs", "/git/refs{/sha}"),
        ("git_tags", "/git/tags{/sha}"),
        ("hooks", "/hooks"),
        ("issue_comment", "/issues/comments{/number}"),
        ("issue_events", "/issues/events{/number}"),
        ("issues", "/issues{/number}"),
        ("keys", "/keys{/key_id}"),
        ("labels", "/labels{/name}"),
        ("languages", "/languages"),
        ("merges", "/merges"),
        ("milestones", "/milestones{/number}"),
        ("notifications", "/notifications{?since,all,participating}"),
        ("pulls", "/pulls{/number}"),
        ("releases", "/releases{/id}"),
        ("stargazers", "/stargazers"),
        ("statuses", "/statuses/{sha}"),
        ("subscribers", "/subscribers"),
        ("subscription", "/subscription"),
        ("tags", "/tags"),
        ("teams", "/teams"),
        ("trees", "/git/trees{/sha}"),
    ];

    private static List<Dictionary<string, object?>> Labels(RepoState repo, IEnumerable<string> names, string baseUrl) =>
        [.. names.Where(repo.Labels.ContainsKey).Select(name => Label(repo, repo.Labels[name], baseUrl))];

    private static Dictionary<string, object?>? Milestone(RepoState repo, int? number, string baseUrl) =>
        number is { } n && repo.Milestones.FirstOrDefault(m => m.Number == n) is { } milestone ? Milestone(repo, milestone, baseUrl) : null;

    private static Dictionary<string, object?> Branch(RepoState repo, string branch, string sha, string baseUrl) => new()
    {
        ["label"] = $"{repo.Owner}:{branch}",
        ["ref"] = branch,
        ["sha"] = sha,
        ["user"] = User(repo.Owner, baseUrl),
        ["repo"] = Repo(repo, baseUrl),
    };

    /// <summary>
    /// The description of GET /app/installations combines simple-user and enterprise with allOf, so
    /// an account must carry an enterprise's name, slug and dates as well as a user's fields.
    /// </summary>
    private static Dictionary<string, object?> Account(string login, string baseUrl, DateTimeOffset at)
    {
        var account = User(login, baseUrl);
        account["type"] = "Organization";
        account["name"] = login;
        account["slug"] = login;
        account["created_at"] = at;
        account["updated_at"] = at;
        return account;
    }

    private static Dictionary<string, object?> Link(string href) => new() { ["href"] = href };
}
