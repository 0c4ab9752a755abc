using System.Text.Json.Nodes;

namespace CourseBot.GitHubEmulator;

public sealed partial class GitHubEmulator
{
    private void MapApp(RouteGroupBuilder api)
    {
        // The App's own endpoints take its JWT (not verified here: the bot's JWT tests do that).
        Route(api, "POST", "/app/installations/{installation_id}/access_tokens", async context =>
        {
            var id = long.Parse(Value(context, "installation_id"), System.Globalization.CultureInfo.InvariantCulture);
            lock (State.Gate)
            {
                if (!State.Installations.ContainsKey(id))
                {
                    return NotFound();
                }
            }

            // A token may be narrowed to fewer permissions than the installation holds, never widened.
            var granted = GrantedTo(id);
            var asked = (await OptionalBodyAsync(context).ConfigureAwait(false))["permissions"]?.AsObject();
            var permissions = asked is null ? granted
                : asked.ToDictionary(p => p.Key, p => (string?)p.Value ?? "", StringComparer.Ordinal);
            if (permissions.Any(p => !Covers(granted.GetValueOrDefault(p.Key), p.Value)))
            {
                return Invalid("The permissions requested are not granted to this installation.");
            }

            // Opaque, about 520 characters, like GitHub's newer tokens.
            var random = System.Security.Cryptography.RandomNumberGenerator.GetBytes(387);
            var token = "ghs_" + Convert.ToBase64String(random).Replace('+', 'A').Replace('/', 'B').TrimEnd('=');
            var expires = Time.GetUtcNow().AddHours(1);
            State.TokenPermissions[token] = permissions;
            State.Tokens[token] = (id, expires);
            return Results.Json(new Dictionary<string, object?>
            {
                ["token"] = token,
                ["expires_at"] = expires,
                ["permissions"] = permissions,
                ["repository_selection"] = "all",
            }, statusCode: 201);
        }, appAuth: true);

        Route(api, "GET", "/app/installations", _ =>
        {
            lock (State.Gate)
            {
                return Task.FromResult(Results.Json(State.Installations.Select(i => InstallationShape(i.Key, i.Value)).ToList()));
            }
        }, appAuth: true);
    }

    internal static async Task<JsonObject> BodyAsync(HttpContext context) =>
        (await JsonNode.ParseAsync(context.Request.Body).ConfigureAwait(false))?.AsObject() ?? [];

    /// <summary>A request's JSON body, or an empty object when it has none (GitHub's optional bodies).</summary>
    internal static async Task<JsonObject> OptionalBodyAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body);
        var text = await reader.ReadToEndAsync().ConfigureAwait(false);
        return string.IsNullOrWhiteSpace(text) ? [] : JsonNode.Parse(text)?.AsObject() ?? [];
    }

    internal static string Value(HttpContext context, string name) => (string)context.Request.RouteValues[name]!;

    internal static IResult NotFound() => Results.Json(Shapes.Error("Not Found"), statusCode: 404);

    internal static IResult Invalid(string message) => Results.Json(Shapes.Error(message), statusCode: 422);
}
