namespace CourseBot.GitHubEmulator;

internal static partial class Shapes
{
    /// <summary>A team as <c>GET /orgs/{org}/teams/{team_slug}</c> and its creation return it (team-full), with its organisation.</summary>
    public static Dictionary<string, object?> Team(string org, string slug, long id, int members, string baseUrl, DateTimeOffset at) =>
        new()
        {
            ["id"] = id,
            ["node_id"] = "T_" + id,
            ["url"] = $"{baseUrl}organizations/1/team/{id}",
            ["html_url"] = $"https://github.com/orgs/{org}/teams/{slug}",
            ["name"] = slug,
            ["slug"] = slug,
            ["description"] = null,
            ["privacy"] = "closed",
            ["notification_setting"] = "notifications_enabled",
            ["permission"] = "pull",
            ["type"] = "organization",
            ["members_url"] = $"{baseUrl}organizations/1/team/{id}/members{{/member}}",
            ["repositories_url"] = $"{baseUrl}organizations/1/team/{id}/repos",
            ["parent"] = null,
            ["members_count"] = members,
            ["repos_count"] = 0,
            ["created_at"] = at,
            ["updated_at"] = at,
            ["organization"] = Organisation(org, baseUrl, at),
        };

    private static Dictionary<string, object?> Organisation(string login, string baseUrl, DateTimeOffset at)
    {
        var organisation = Account(login, baseUrl, at);
        organisation["description"] = null;
        organisation["archived_at"] = null;
        organisation["hooks_url"] = $"{baseUrl}orgs/{login}/hooks";
        organisation["issues_url"] = $"{baseUrl}orgs/{login}/issues";
        organisation["members_url"] = $"{baseUrl}orgs/{login}/members{{/member}}";
        organisation["public_members_url"] = $"{baseUrl}orgs/{login}/public_members{{/member}}";
        organisation["has_organization_projects"] = false;
        organisation["has_repository_projects"] = false;
        organisation["public_repos"] = 0;
        organisation["public_gists"] = 0;
        organisation["followers"] = 0;
        organisation["following"] = 0;
        return organisation;
    }
}
