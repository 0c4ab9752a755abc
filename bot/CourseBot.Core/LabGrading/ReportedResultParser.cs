using System.Text.Json;
using System.Text.Json.Nodes;

namespace CourseBot.Core.LabGrading;

/// <summary>
/// Checks a result body's shape and types (<c>action/result.schema.json</c>, version 1) before
/// anything else happens to the request: a malformed body is a 400 and does not use the run's token up.
/// </summary>
public static class ReportedResultParser
{
    private static readonly string[] Statuses = ["passed", "failed", "timeout", "error"];
    private static readonly string[] OptionalTexts = ["message", "output", "file", "hint", "detail"];

    /// <summary>The parsed result, or why it is not a version 1 result.</summary>
    public static (ReportedResult? Result, string? Problem) Parse(ReadOnlySpan<byte> json)
    {
        JsonObject body;
        try
        {
            body = JsonNode.Parse(json) as JsonObject ?? throw new JsonException("not an object");
        }
        catch (JsonException)
        {
            return (null, "the result is not a JSON object");
        }

        if (body["version"] is not JsonValue version || version.GetValueKind() != JsonValueKind.Number
            || !version.TryGetValue<int>(out var number) || number != 1)
        {
            return (null, "the result is not a version 1 grade result: \"version\" must be the number 1");
        }

        if (Text(body, "lab") is not { Length: > 0 } lab)
        {
            return (null, "the result has no \"lab\" (text, module/lab)");
        }

        var problem = Optional(body, "sha", JsonValueKind.String)
            ?? Optional(body, "score", JsonValueKind.Number)
            ?? Optional(body, "max_score", JsonValueKind.Number)
            ?? Flag(body, "passed")
            ?? Flag(body, "isolated")
            ?? Strings(body, "notes");
        if (problem is not null)
        {
            return (null, problem);
        }

        if (body["tests"] is not JsonArray tests)
        {
            return (null, "the result has no \"tests\" list: the bot scores a lab from its checks");
        }

        var reported = new List<ReportedCheck>(tests.Count);
        for (var i = 0; i < tests.Count; i++)
        {
            var (check, wrong) = Check(tests[i], $"tests[{i}]");
            if (check is null)
            {
                return (null, wrong);
            }

            reported.Add(check);
        }

        return (new ReportedResult(lab, Text(body, "sha"), reported, body), null);
    }

    private static (ReportedCheck? Check, string? Problem) Check(JsonNode? node, string at)
    {
        if (node is not JsonObject test)
        {
            return (null, $"{at} is not an object");
        }

        if (Text(test, "name") is not { Length: > 0 } name || Text(test, "kind") is not { } kind)
        {
            return (null, $"{at} needs \"name\" and \"kind\" as text");
        }

        if (Text(test, "status") is not { } status || !Statuses.Contains(status, StringComparer.Ordinal))
        {
            return (null, $"{at}.status must be one of {string.Join(", ", Statuses)}");
        }

        if (Number(test, "score") is not { } score || Number(test, "max_score") is not { } max || score < 0 || max < 0)
        {
            return (null, $"{at} needs \"score\" and \"max_score\" as numbers of at least 0");
        }

        var problem = OptionalTexts.Select(field => Optional(test, field, JsonValueKind.String, at)).FirstOrDefault(p => p is not null)
            ?? Optional(test, "line", JsonValueKind.Number, at)
            ?? Optional(test, "duration_ms", JsonValueKind.Number, at);
        return problem is null ? (new ReportedCheck(name, kind, status, score, max), null) : (null, problem);
    }

    private static string? Text(JsonObject node, string name) =>
        node[name] is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;

    private static double? Number(JsonObject node, string name) =>
        node[name] is JsonValue value && value.GetValueKind() == JsonValueKind.Number
        && value.TryGetValue<double>(out var number) && double.IsFinite(number) ? number : null;

    private static string? Optional(JsonObject node, string name, JsonValueKind kind, string at = "the result") =>
        !node.TryGetPropertyValue(name, out var value) || value is null || value.GetValueKind() == kind
            ? null
            : $"{at}.{name} must be {(kind == JsonValueKind.String ? "text" : "a number")}";

    private static string? Flag(JsonObject node, string name) =>
        !node.TryGetPropertyValue(name, out var value) || value is null || value.GetValueKind() is JsonValueKind.True or JsonValueKind.False
            ? null
            : $"the result's {name} must be true or false";

    private static string? Strings(JsonObject node, string name) =>
        !node.TryGetPropertyValue(name, out var value) || value is null
        || (value is JsonArray list && list.All(item => item?.GetValueKind() == JsonValueKind.String))
            ? null
            : $"the result's {name} must be a list of text";
}
