using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;

namespace CourseBot.Tests.Infrastructure;

/// <summary>
/// A JSON value's violations of a JSON Schema, checked by JsonSchema.Net (draft 2020-12, <c>format</c> asserted), one line
/// each: "JSON path: what the library says" (the offending value added where the library's message leaves it out).
/// GitHub's OpenAPI 3.0 extract is turned into JSON Schema first: <c>nullable: true</c> adds null to the type or the enum,
/// and oneOf is checked as anyOf, as before: extract.sh keeps only the first levels of each alternative, so alternatives that
/// differ deeper down look alike there and a value would match more than one.
/// </summary>
internal static class SchemaViolations
{
    private static readonly ConcurrentDictionary<string, JsonSchema> Built = new(StringComparer.Ordinal);

    private static readonly EvaluationOptions Options = new() { OutputFormat = OutputFormat.List, RequireFormatValidation = true };

    public static List<string> Validate(JsonElement schema, JsonElement value)
    {
        var text = AsJsonSchema(JsonNode.Parse(schema.GetRawText())!).ToJsonString();
        var results = Built.GetOrAdd(text, t => JsonSchema.FromText(t, new BuildOptions())).Evaluate(value, Options);
        if (results.IsValid)
        {
            return [];
        }

        return
        [
            .. Flatten(results)
                .Where(r => r.Errors is { Count: > 0 })
                .SelectMany(r => r.Errors!.Select(e => $"{Path(r.InstanceLocation.ToString())}: {Explain(e.Key, e.Value, value, r)}"))
                .Distinct(StringComparer.Ordinal),
        ];
    }

    private static IEnumerable<EvaluationResults> Flatten(EvaluationResults results) =>
        [results, .. (results.Details ?? []).SelectMany(Flatten)];

    /// <summary>The enum and format messages do not quote the value; the line does, so it says what was wrong.</summary>
    private static string Explain(string keyword, string message, JsonElement root, EvaluationResults result) =>
        keyword is "enum" or "format" && At(root, result.InstanceLocation.ToString()) is { } found
            ? $"{found.GetRawText()}: {message}"
            : message;

    private static JsonElement? At(JsonElement root, string pointer)
    {
        var current = root;
        foreach (var segment in Segments(pointer))
        {
            if (current.ValueKind == JsonValueKind.Object && current.TryGetProperty(segment, out var next))
            {
                current = next;
            }
            else if (current.ValueKind == JsonValueKind.Array && int.TryParse(segment, out var index) && index < current.GetArrayLength())
            {
                current = current[index];
            }
            else
            {
                return null;
            }
        }

        return current;
    }

    /// <summary>
    /// A JSON Pointer (<c>/tests/0/detail</c>) written as the JSON path the messages have always used (<c>$.tests[0].detail</c>).
    /// </summary>
    private static string Path(string pointer) =>
        "$" + string.Concat(Segments(pointer).Select(s => int.TryParse(s, out _) ? $"[{s}]" : "." + s));

    private static IEnumerable<string> Segments(string pointer) =>
        pointer.Split('/', StringSplitOptions.RemoveEmptyEntries)
            .Select(s => s.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal));

    /// <summary>OpenAPI 3.0's schema dialect as JSON Schema; walks only schema positions, never property names.</summary>
    private static JsonNode AsJsonSchema(JsonNode node)
    {
        if (node is not JsonObject schema)
        {
            return node;
        }

        if (schema["properties"] is JsonObject properties)
        {
            foreach (var name in properties.Select(p => p.Key).ToList())
            {
                properties[name] = AsJsonSchema(properties[name]!.DeepClone());
            }
        }

        if (schema["items"] is JsonObject items)
        {
            schema["items"] = AsJsonSchema(items.DeepClone());
        }

        if (schema["oneOf"] is JsonArray oneOf)
        {
            schema.Remove("oneOf");
            schema["anyOf"] = oneOf;
        }

        if (schema["anyOf"] is JsonArray anyOf)
        {
            schema["anyOf"] = new JsonArray([.. anyOf.Select(a => AsJsonSchema(a!.DeepClone()))]);
        }

        if (schema["nullable"] is JsonValue nullable && nullable.GetValueKind() == JsonValueKind.True)
        {
            schema.Remove("nullable");
            return AllowNull(schema);
        }

        return schema;
    }

    private static JsonObject AllowNull(JsonObject schema)
    {
        if (schema["type"] is JsonNode type)
        {
            var types = type is JsonArray list ? list.Select(t => (string)t!).ToList() : [(string)type!];
            schema["type"] = new JsonArray([.. types.Append("null").Distinct(StringComparer.Ordinal).Select(t => JsonValue.Create(t))]);
        }

        if (schema["enum"] is JsonArray options)
        {
            options.Add(null);
        }

        return schema["type"] is null && schema["enum"] is null && schema["anyOf"] is not null
            ? new JsonObject { ["anyOf"] = new JsonArray(schema.DeepClone(), new JsonObject { ["type"] = "null" }) }
            : schema;
    }
}
