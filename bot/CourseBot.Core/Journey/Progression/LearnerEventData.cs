using System.Text.Json.Nodes;
using CourseBot.Core.Storage;

namespace CourseBot.Core.Journey.Progression;

/// <summary>
/// Reads what progression needs out of a learner event's JSON data. Tolerant by design: an entry
/// written by an older bot, or missing a field, counts as "no result" rather than failing a rebuild.
/// </summary>
internal static class LearnerEventData
{
    public static JsonObject? Object(LearnerEvent entry)
    {
        try
        {
            return JsonNode.Parse(entry.Data) as JsonObject;
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }

    public static double? Number(JsonObject? data, string name) =>
        data?[name] is JsonValue value && value.TryGetValue<double>(out var number) ? number : null;

    public static long? Long(JsonObject? data, string name) =>
        data?[name] is JsonValue value && value.TryGetValue<long>(out var number) ? number : null;

    public static bool Flag(JsonObject? data, string name, bool fallback = false) =>
        data?[name] is JsonValue value && value.TryGetValue<bool>(out var flag) ? flag : fallback;

    /// <summary>Splits <c>module/assessment</c>.</summary>
    public static (string Module, string Assessment)? Subject(LearnerEvent entry)
    {
        var slash = entry.Subject.IndexOf('/', StringComparison.Ordinal);
        return slash <= 0 || slash == entry.Subject.Length - 1 ? null : (entry.Subject[..slash], entry.Subject[(slash + 1)..]);
    }
}
