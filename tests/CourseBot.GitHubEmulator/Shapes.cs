namespace CourseBot.GitHubEmulator;

/// <summary>GitHub's JSON shapes (the fields Octokit reads and the OpenAPI description requires of the small objects).</summary>
internal static class Shapes
{
    public static Dictionary<string, object?> User(string login, string baseUrl) => new()
    {
        ["login"] = login,
        ["id"] = Math.Abs((long)login.GetHashCode(StringComparison.Ordinal)),
        ["node_id"] = "U_" + login,
        ["type"] = login.EndsWith("[bot]", StringComparison.Ordinal) ? "Bot" : "User",
        ["site_admin"] = false,
        ["url"] = $"{baseUrl}users/{login}",
        ["html_url"] = $"https://github.com/{login}",
        ["avatar_url"] = $"https://avatars.githubusercontent.com/{login}",
    };

    public static Dictionary<string, object?> Repo(RepoState repo, string baseUrl) => new()
    {
        ["id"] = repo.Id,
        ["node_id"] = "R_" + repo.Id,
        ["name"] = repo.Name,
        ["full_name"] = repo.FullName,
        ["owner"] = User(repo.Owner, baseUrl),
        ["private"] = repo.Private,
        ["is_template"] = repo.IsTemplate,
        ["default_branch"] = repo.DefaultBranch,
        ["html_url"] = $"https://github.com/{repo.FullName}",
        ["url"] = $"{baseUrl}repos/{repo.FullName}",
        ["visibility"] = repo.Private ? "private" : "public",
        ["fork"] = false,
        ["archived"] = false,
        ["created_at"] = "2026-11-25T00:00:00Z",
        ["updated_at"] = "2026-11-25T00:00:00Z",
    };

    public static Dictionary<string, object?> Issue(RepoState repo, IssueState issue, string baseUrl) => new()
    {
        ["id"] = issue.Id,
        ["node_id"] = "I_" + issue.Id,
        ["number"] = issue.Number,
        ["title"] = issue.Title,
        ["body"] = issue.Body,
        ["state"] = issue.State,
        ["user"] = User(issue.User, baseUrl),
        ["labels"] = issue.Labels.Select(name => repo.Labels.TryGetValue(name, out var label) ? Label(repo, label, baseUrl) : null).Where(l => l is not null).ToList(),
        ["milestone"] = issue.Milestone is { } number && repo.Milestones.FirstOrDefault(m => m.Number == number) is { } milestone ? Milestone(repo, milestone, baseUrl) : null,
        ["comments"] = repo.Comments.Values.Count(c => c.IssueNumber == issue.Number),
        ["html_url"] = $"https://github.com/{repo.FullName}/issues/{issue.Number}",
        ["url"] = $"{baseUrl}repos/{repo.FullName}/issues/{issue.Number}",
        ["created_at"] = issue.CreatedAt,
        ["updated_at"] = issue.UpdatedAt,
        ["closed_at"] = issue.ClosedAt,
        ["locked"] = false,
    };

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

    public static Dictionary<string, object?> Milestone(RepoState repo, MilestoneState milestone, string baseUrl) => new()
    {
        ["id"] = milestone.Id,
        ["node_id"] = "MI_" + milestone.Id,
        ["number"] = milestone.Number,
        ["title"] = milestone.Title,
        ["description"] = milestone.Description,
        ["state"] = milestone.State,
        ["due_on"] = milestone.DueOn,
        ["open_issues"] = repo.Issues.Count(i => i.Milestone == milestone.Number && i.State == "open"),
        ["closed_issues"] = repo.Issues.Count(i => i.Milestone == milestone.Number && i.State == "closed"),
        ["url"] = $"{baseUrl}repos/{repo.FullName}/milestones/{milestone.Number}",
        ["html_url"] = $"https://github.com/{repo.FullName}/milestone/{milestone.Number}",
        ["created_at"] = "2026-11-25T00:00:00Z",
        ["updated_at"] = "2026-11-25T00:00:00Z",
    };

    public static Dictionary<string, object?> Error(string message, string? documentation = null) => new()
    {
        ["message"] = message,
        ["documentation_url"] = documentation ?? "https://docs.github.com/rest",
    };
}
