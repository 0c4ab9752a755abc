using System.Text.Json.Nodes;

namespace CourseBot.GitHubEmulator;

public sealed partial class GitHubEmulator
{
    private void MapApp(RouteGroupBuilder api)
    {
        // The App's own endpoints take its JWT (not verified here: the bot's JWT tests do that).
        Route(api, "POST", "/app/installations/{installation_id}/access_tokens", context =>
        {
            var id = long.Parse((string)context.Request.RouteValues["installation_id"]!, System.Globalization.CultureInfo.InvariantCulture);
            lock (State.Gate)
            {
                if (!State.Installations.ContainsKey(id))
                {
                    return Task.FromResult(Results.Json(Shapes.Error("Not Found"), statusCode: 404));
                }
            }

                // Opaque, about 520 characters, like GitHub's newer tokens.
                var token =
                    "ghs_"
                    + Convert
                        .ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(387))
                        .Replace('+', 'A')
                        .Replace('/', 'B')
                        .TrimEnd('=');
                var expires = Time.GetUtcNow().AddHours(1);
                State.Tokens[token] = (id, expires);
                return Task.FromResult(
                    Results.Json(
                        new Dictionary<string, object?>
                        {
                            ["token"] = token,
                            ["expires_at"] = expires,
                            ["permissions"] = Shapes.Permissions,
                            ["repository_selection"] = "all",
                        },
                        statusCode: 201
                    )
                );
            },
            appAuth: true
        );

        Route(api, "GET", "/app/installations", _ =>
        {
            lock (State.Gate)
            {
                return Task.FromResult(Results.Json(
                    State.Installations.Select(i => Shapes.Installation(i.Key, i.Value, BaseUrl, _startedAt)).ToList()));
            }
        }, appAuth: true);
    }

    internal static async Task<JsonObject> BodyAsync(HttpContext context) =>
        (await JsonNode.ParseAsync(context.Request.Body).ConfigureAwait(false))?.AsObject() ?? [];

    internal static string Value(HttpContext context, string name) => (string)context.Request.RouteValues[name]!;

    internal static IResult NotFound() => Results.Json(Shapes.Error("Not Found"), statusCode: 404);

    internal static IResult Invalid(string message) => Results.Json(Shapes.Error(message), statusCode: 422);
}
