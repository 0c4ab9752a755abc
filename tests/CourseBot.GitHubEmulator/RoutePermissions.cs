namespace CourseBot.GitHubEmulator;

/// <summary>
/// The permission a GitHub App installation token needs for each route the emulator serves, as GitHub's documentation gives it
/// (each endpoint's "Fine-grained access tokens" section; the same data as <c>server-to-server-permissions.json</c> in the
/// github/docs repository). Where GitHub accepts either of two permissions (an issue comment needs "Issues" or "Pull requests"),
/// the first listed here is the one an App that already holds it uses. Routes called with the App's JWT need none.
/// Writes under <c>.github/workflows/</c> also need "Workflows" (write): <see cref="GitHubEmulator.WorkflowFilesTouched"/>.
/// </summary>
public static class RoutePermissions
{
    private static readonly (string Permission, string Access)[] None = [];

    public static IReadOnlyDictionary<string, (string Permission, string Access)[]> ByRoute { get; } =
        new Dictionary<string, (string, string)[]>(StringComparer.Ordinal)
        {
            ["POST /app/installations/{installation_id}/access_tokens"] = None,
            ["GET /app/installations"] = None,
            ["GET /app"] = None,
            ["GET /app/hook/config"] = None,
            ["GET /app/hook/deliveries"] = None,
            ["GET /orgs/{org}/installation"] = None,
            ["GET /orgs/{org}/memberships/{username}"] = [("members", "read")],
            ["GET /orgs/{org}/teams/{team_slug}"] = [("members", "read")],
            ["GET /orgs/{org}/teams/{team_slug}/memberships/{username}"] = [("members", "read")],
            ["POST /orgs/{org}/teams"] = [("members", "write")],
            ["PUT /orgs/{org}/teams/{team_slug}/repos/{owner}/{repo}"] = [("administration", "write"), ("members", "read")],
            ["POST /orgs/{org}/repos"] = [("administration", "write")],
            ["POST /repos/{template_owner}/{template_repo}/generate"] = [("administration", "write"), ("contents", "read")],
            ["GET /repos/{owner}/{repo}"] = [("metadata", "read")],
            ["PATCH /repos/{owner}/{repo}"] = [("administration", "write")],
            ["GET /repos/{owner}/{repo}/actions/permissions/access"] = [("administration", "read")],
            ["PUT /repos/{owner}/{repo}/actions/permissions/access"] = [("administration", "write")],
            ["POST /repos/{owner}/{repo}/actions/workflows/{workflow_id}/dispatches"] = [("actions", "write")],
            ["PUT /repos/{owner}/{repo}/collaborators/{username}"] = [("administration", "write")],
            ["DELETE /repos/{owner}/{repo}/collaborators/{username}"] = [("administration", "write")],
            ["GET /repos/{owner}/{repo}/commits/{ref}"] = [("contents", "read")],
            ["GET /repos/{owner}/{repo}/contents/{*path}"] = [("contents", "read")],
            ["PUT /repos/{owner}/{repo}/contents/{*path}"] = [("contents", "write")],
            ["DELETE /repos/{owner}/{repo}/contents/{*path}"] = [("contents", "write")],
            ["GET /repos/{owner}/{repo}/git/commits/{commit_sha}"] = [("contents", "read")],
            ["GET /repos/{owner}/{repo}/git/ref/{*ref}"] = [("contents", "read")],
            ["GET /repos/{owner}/{repo}/git/trees/{tree_sha}"] = [("contents", "read")],
            ["POST /repos/{owner}/{repo}/git/blobs"] = [("contents", "write")],
            ["POST /repos/{owner}/{repo}/git/commits"] = [("contents", "write")],
            ["POST /repos/{owner}/{repo}/git/refs"] = [("contents", "write")],
            ["POST /repos/{owner}/{repo}/git/trees"] = [("contents", "write")],
            ["PATCH /repos/{owner}/{repo}/git/refs/{*ref}"] = [("contents", "write")],
            ["GET /repos/{owner}/{repo}/issues"] = [("issues", "read")],
            ["GET /repos/{owner}/{repo}/issues/{issue_number}"] = [("issues", "read")],
            ["POST /repos/{owner}/{repo}/issues"] = [("issues", "write")],
            ["PATCH /repos/{owner}/{repo}/issues/{issue_number}"] = [("issues", "write")],
            ["GET /repos/{owner}/{repo}/issues/{issue_number}/comments"] = [("issues", "read")],
            ["POST /repos/{owner}/{repo}/issues/{issue_number}/comments"] = [("issues", "write")],
            ["PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}"] = [("issues", "write")],
            ["GET /repos/{owner}/{repo}/labels"] = [("issues", "read")],
            ["POST /repos/{owner}/{repo}/labels"] = [("issues", "write")],
            ["GET /repos/{owner}/{repo}/milestones"] = [("issues", "read")],
            ["POST /repos/{owner}/{repo}/milestones"] = [("issues", "write")],
            ["PATCH /repos/{owner}/{repo}/milestones/{milestone_number}"] = [("issues", "write")],
            // Called with a user access token from the OAuth web flow: GitHub needs no App permission to say who that user is.
            ["GET /user"] = None,
            ["GET /repos/{owner}/{repo}/pulls"] = [("pull_requests", "read")],
            ["POST /repos/{owner}/{repo}/pulls"] = [("pull_requests", "write")],
            ["GET /repos/{owner}/{repo}/pulls/{pull_number}"] = [("pull_requests", "read")],
            ["POST /repos/{owner}/{repo}/pulls/{pull_number}/requested_reviewers"] = [("pull_requests", "write")],
            ["GET /repos/{owner}/{repo}/pulls/{pull_number}/reviews"] = [("pull_requests", "read")],
            ["POST /repos/{owner}/{repo}/pulls/{pull_number}/reviews"] = [("pull_requests", "write")],
        };
}
