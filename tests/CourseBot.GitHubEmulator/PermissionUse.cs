namespace CourseBot.GitHubEmulator;

/// <summary>One permission an installation token's request needed: the route (<c>GET /repos/{owner}/{repo}</c>) and the access.</summary>
public sealed record PermissionUse(string Route, string Permission, string Access);
