using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;

namespace CourseBot.Core.OpenBadges;

/// <summary>
/// 1EdTech's Open Badges 3.0 AchievementCredential JSON schema, shipped inside the bot (an embedded resource, copied unchanged;
/// its source is named in the test fixtures' SOURCE.md), so verifying needs no network for it. Loaded once: the schema library
/// keeps a process-wide registry by <c>$id</c>, which refuses a second copy.
/// </summary>
public static class OpenBadgesSchema
{
    public const string ResourceName = "CourseBot.OpenBadges.achievementcredential.json";

    private static readonly Lazy<JsonSchema> Schema = new(() => JsonSchema.FromText(Text()));

    /// <summary>The schema file's text as shipped.</summary>
    public static string Text()
    {
        using var stream = typeof(OpenBadgesSchema).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException(ResourceName + " is not embedded in the build");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>
    /// The errors of <paramref name="credential"/> against the schema, one line each (location: message); empty when valid.
    /// </summary>
    public static IReadOnlyList<string> Errors(JsonNode credential)
    {
        ArgumentNullException.ThrowIfNull(credential);
        using var document = JsonDocument.Parse(credential.ToJsonString());
        var result = Schema.Value.Evaluate(document.RootElement.Clone(), new EvaluationOptions { OutputFormat = OutputFormat.List });
        if (result.IsValid)
        {
            return [];
        }

        return [.. (result.Details ?? []).Where(d => d.Errors is { Count: > 0 })
            .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}")).Distinct(StringComparer.Ordinal)];
    }
}
