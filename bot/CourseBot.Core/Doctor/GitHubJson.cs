using System.Text.Json;
using Octokit;

namespace CourseBot.Core.Doctor;

/// <summary>
/// GET of a GitHub route as JSON, through Octokit's connection (its credentials, errors and resilience), for the App's
/// settings routes Octokit has no model for (<c>/app/hook/config</c>, <c>/app/hook/deliveries</c>) or models only in part.
/// </summary>
internal static class GitHubJson
{
    public static async Task<JsonElement> GetAsync(IGitHubClient client, string path)
    {
        var response = await client.Connection.GetRaw(new Uri(path, UriKind.Relative), new Dictionary<string, string>())
            .ConfigureAwait(false);
        // Octokit keeps a JSON answer as text on the raw response, and only other media types as bytes.
        var body = response.HttpResponse.Body switch
        {
            string text => text,
            byte[] bytes => System.Text.Encoding.UTF8.GetString(bytes),
            _ => response.Body is { Length: > 0 } raw ? System.Text.Encoding.UTF8.GetString(raw) : "null",
        };
        using var document = JsonDocument.Parse(body);
        return document.RootElement.Clone();
    }

    public static Dictionary<string, string> Permissions(JsonElement owner) =>
        owner.TryGetProperty("permissions", out var permissions) && permissions.ValueKind == JsonValueKind.Object
            ? permissions.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString() ?? "", StringComparer.Ordinal)
            : new Dictionary<string, string>(StringComparer.Ordinal);

    public static List<string> Strings(JsonElement owner, string name) =>
        owner.TryGetProperty(name, out var values) && values.ValueKind == JsonValueKind.Array
            ? values.EnumerateArray().Select(v => v.GetString() ?? "").ToList()
            : [];
}
