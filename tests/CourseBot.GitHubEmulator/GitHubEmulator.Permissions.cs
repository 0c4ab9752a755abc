namespace CourseBot.GitHubEmulator;

/// <summary>
/// GitHub's check of an installation token's permissions: a route whose documented permission (<see cref="RoutePermissions"/>)
/// the token lacks, or holds only at a lower level (read where write is needed), is answered 403 "Resource not accessible by
/// integration", as GitHub does. Tokens that are not installation tokens (a person's, added by a test) are not limited.
/// </summary>
public sealed partial class GitHubEmulator
{
    private const string TokenItem = "coursebot.emulator.token";
    private static readonly string[] Levels = ["read", "write", "admin"];

    /// <summary>
    /// Installs the App on an organisation with the permissions it grants (default: all the App asks for). Returns its id.
    /// </summary>
    public long AddInstallation(string account, IReadOnlyDictionary<string, string>? permissions)
    {
        var id = AddInstallation(account);
        lock (State.Gate)
        {
            State.InstallationPermissions[id] = new Dictionary<string, string>(
                permissions ?? State.App.Permissions, StringComparer.Ordinal);
        }

        return id;
    }

    /// <summary>The permissions an installation holds (the App's when none were recorded for it).</summary>
    internal Dictionary<string, string> GrantedTo(long installation)
    {
        lock (State.Gate)
        {
            return new Dictionary<string, string>(
                State.InstallationPermissions.GetValueOrDefault(installation) ?? State.App.Permissions, StringComparer.Ordinal);
        }
    }

    /// <summary>An installation as GitHub shows it: the permissions its organisation granted, the events the App asks for.</summary>
    internal Dictionary<string, object?> InstallationShape(long id, string account)
    {
        var shape = Shapes.Installation(id, account, BaseUrl, _startedAt);
        shape["permissions"] = GrantedTo(id);
        lock (State.Gate)
        {
            shape["events"] = State.App.Events.ToList();
        }

        return shape;
    }

    /// <summary>Whether <paramref name="held"/> covers <paramref name="access"/> (write covers read, admin covers both).</summary>
    internal static bool Covers(string? held, string access) =>
        held is not null && Array.IndexOf(Levels, held) >= Array.IndexOf(Levels, access);

    /// <summary>The 403 GitHub sends when the request's token lacks a permission the route needs; null when it has them.</summary>
    private IResult? RefuseWithoutPermission(HttpContext context, string token, string key)
    {
        context.Items[TokenItem] = token;
        var needed = RoutePermissions.ByRoute[key].AsEnumerable();
        if (context.Request.Method == "PUT" && context.Request.RouteValues["path"] is string path && IsWorkflowFile(path))
        {
            needed = needed.Append(("workflows", "write"));
        }

        return needed.All(n => Holds(token, n.Permission, n.Access)) ? null : Forbidden();
    }

    /// <summary>
    /// A change to a workflow file found inside a request's body (a Git tree): recorded, and refused as GitHub does when the
    /// token lacks "Workflows" (write).
    /// </summary>
    internal IResult? RefuseWorkflowChange(HttpContext context, string key)
    {
        WorkflowFilesTouched(key);
        return context.Items[TokenItem] is string token && !Holds(token, "workflows", "write") ? Forbidden() : null;
    }

    private bool Holds(string token, string permission, string access) =>
        !State.TokenPermissions.TryGetValue(token, out var held) || Covers(held.GetValueOrDefault(permission), access);

    private static IResult Forbidden() =>
        Results.Json(Shapes.NotAccessibleByIntegration("https://docs.github.com/rest"), statusCode: 403);
}
