using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace CourseBot.Tests.Infrastructure;

/// <summary>
/// Checks a JSON value against the parts of JSON Schema that the project's schemas use:
/// action/result.schema.json (type, required, properties, additionalProperties: false, items, enum,
/// const, minimum, pattern) and GitHub's OpenAPI 3.0 extract (nullable, type lists, format date-time,
/// oneOf/anyOf). oneOf is checked as anyOf: the value must match at least one option.
/// Each violation reads "JSON path: what".
/// </summary>
internal static partial class JsonSchemaSubset
{
    public static List<string> Validate(JsonElement schema, JsonElement value, string path = "$")
    {
        var errors = new List<string>();
        if (value.ValueKind == JsonValueKind.Null && Nullable(schema))
        {
            return errors;
        }

        if (schema.TryGetProperty("const", out var constant) && constant.GetRawText() != value.GetRawText())
        {
            errors.Add($"{path}: expected {constant.GetRawText()}");
        }

        if (schema.TryGetProperty("enum", out var options) && !options.EnumerateArray().Any(o => o.GetRawText() == value.GetRawText()))
        {
            errors.Add(
                $"{path}: {value.GetRawText()} is not one of [{string.Join(',', options.EnumerateArray().Select(o => o.GetRawText()))}]"
            );
        }

        if (schema.TryGetProperty("type", out var type) && !Types(type).Any(t => Matches(t, value)))
        {
            errors.Add($"{path}: expected {string.Join(" or ", Types(type))}, found {Describe(value)}");
            return errors;
        }

        foreach (var keyword in (string[])["oneOf", "anyOf"])
        {
            if (schema.TryGetProperty(keyword, out var alternatives))
            {
                errors.AddRange(ValidateAlternatives(alternatives, value, path));
            }
        }

        if (
            schema.TryGetProperty("minimum", out var minimum)
            && value.ValueKind == JsonValueKind.Number
            && value.GetDouble() < minimum.GetDouble()
        )
        {
            errors.Add($"{path}: below {minimum.GetDouble()}");
        }

        if (
            schema.TryGetProperty("maxLength", out var maxLength)
            && value.ValueKind == JsonValueKind.String
            && value.GetString()!.Length > maxLength.GetInt32()
        )
        {
            errors.Add($"{path}: longer than {maxLength.GetInt32()} characters");
        }

        if (
            schema.TryGetProperty("pattern", out var pattern)
            && value.ValueKind == JsonValueKind.String
            && !Regex.IsMatch(value.GetString()!, pattern.GetString()!)
        )
        {
            errors.Add($"{path}: does not match {pattern.GetString()}");
        }

        if (
            schema.TryGetProperty("format", out var format)
            && format.GetString() == "date-time"
            && value.ValueKind == JsonValueKind.String
            && !DateTime().IsMatch(value.GetString()!)
        )
        {
            errors.Add($"{path}: {value.GetRawText()} is not an RFC 3339 date-time");
        }

        if (value.ValueKind == JsonValueKind.Object)
        {
            var properties = schema.TryGetProperty("properties", out var p) ? p : default;
            foreach (
                var name in schema.TryGetProperty("required", out var required) ? required.EnumerateArray().Select(r => r.GetString()!) : []
            )
            {
                if (!value.TryGetProperty(name, out _))
                {
                    errors.Add($"{path}: missing {name}");
                }
            }

            foreach (var property in value.EnumerateObject())
            {
                if (properties.ValueKind == JsonValueKind.Object && properties.TryGetProperty(property.Name, out var propertySchema))
                {
                    errors.AddRange(Validate(propertySchema, property.Value, $"{path}.{property.Name}"));
                }
                else if (schema.TryGetProperty("additionalProperties", out var additional) && additional.ValueKind == JsonValueKind.False)
                {
                    errors.Add($"{path}: unexpected property {property.Name}");
                }
            }
        }

        if (value.ValueKind == JsonValueKind.Array && schema.TryGetProperty("items", out var items))
        {
            var i = 0;
            foreach (var item in value.EnumerateArray())
            {
                errors.AddRange(Validate(items, item, $"{path}[{i++}]"));
            }
        }

        return errors;
    }

    /// <summary>No errors when one option fits; otherwise the errors of the option that came closest.</summary>
    private static List<string> ValidateAlternatives(JsonElement alternatives, JsonElement value, string path)
    {
        var closest = alternatives.EnumerateArray().Select(option => Validate(option, value, path)).MinBy(e => e.Count) ?? [];
        return closest.Count == 0
            ? closest
            : [$"{path}: matches none of {alternatives.GetArrayLength()} alternatives; closest:", .. closest];
    }

    /// <summary>OpenAPI 3.0 says <c>nullable: true</c>; JSON Schema lists "null" among the types.</summary>
    private static bool Nullable(JsonElement schema) =>
        (schema.TryGetProperty("nullable", out var nullable) && nullable.ValueKind == JsonValueKind.True)
        || (schema.TryGetProperty("type", out var type) && Types(type).Contains("null"))
        || !schema.TryGetProperty("type", out _)
            && !schema.TryGetProperty("oneOf", out _)
            && !schema.TryGetProperty("anyOf", out _)
            && !schema.TryGetProperty("const", out _)
            && !schema.TryGetProperty("enum", out _);

    private static IEnumerable<string> Types(JsonElement type) =>
        type.ValueKind == JsonValueKind.Array ? type.EnumerateArray().Select(t => t.GetString()!) : [type.GetString()!];

    private static bool Matches(string type, JsonElement value) => type switch
    {
        "object" => value.ValueKind == JsonValueKind.Object,
        "array" => value.ValueKind == JsonValueKind.Array,
        "string" => value.ValueKind == JsonValueKind.String,
        "boolean" => value.ValueKind is JsonValueKind.True or JsonValueKind.False,
        "integer" => value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out _),
        "number" => value.ValueKind == JsonValueKind.Number,
        "null" => value.ValueKind == JsonValueKind.Null,
        _ => false,
    };

    private static string Describe(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Null => "null",
        JsonValueKind.True or JsonValueKind.False => "boolean",
        _ => value.ValueKind.ToString().ToLower(CultureInfo.InvariantCulture),
    };

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$")]
    private static partial Regex DateTime();
}
