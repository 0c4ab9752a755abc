namespace CourseBot.Core.Publishing;

/// <summary>
/// <c>/repos/{owner}/{repo}/actions/permissions/access</c>: who may use a private repository's
/// actions and reusable workflows (Octokit has no client for it).
/// </summary>
public sealed class ActionsAccess
{
    public const string Organization = "organization";

    public string? AccessLevel { get; set; }
}
