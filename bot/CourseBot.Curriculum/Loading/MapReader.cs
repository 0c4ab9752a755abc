using System.Collections.Immutable;
using System.Globalization;
using CourseBot.Core.Curriculum.Model;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace CourseBot.Core.Curriculum.Loading;

/// <summary>
/// Reads the fields of one YAML mapping, reporting missing, mistyped and (through
/// <see cref="Finish"/>) unknown fields with their location. Every read of a key marks it known.
/// </summary>
public sealed class MapReader
{
    private readonly YamlMappingNode _node;
    private readonly string _prefix;
    private readonly DiagnosticBag _bag;
    private readonly HashSet<string> _known = new(StringComparer.Ordinal);

    internal MapReader(YamlMappingNode node, string file, string prefix, DiagnosticBag bag)
    {
        _node = node;
        File = file;
        _prefix = prefix;
        _bag = bag;
    }

    public string File { get; }

    public SourceLocation Location => At(_node);

    public bool Has(string key) => Find(key) is not null;

    public SourceLocation LocationOf(string key) => Find(key) is { } value ? At(value) : Location;

    public string FieldName(string key) => _prefix.Length == 0 ? key : $"{_prefix}.{key}";

    public void Error(string key, string message) => _bag.Add(LocationOf(key), FieldName(key), message);

    public string? Text(string key, bool required = true)
    {
        var node = Get(key, required, "text");
        if (node is null)
        {
            return null;
        }

        if (node is not YamlScalarNode scalar || scalar.Value is null)
        {
            Mistyped(key, node, "text");
            return null;
        }

        var value = scalar.Value.Trim();
        if (value.Length == 0)
        {
            _bag.Add(At(node), FieldName(key), "must not be empty (expected text)");
            return null;
        }

        return value;
    }

    public int? Number(string key, bool required = true, int min = int.MinValue, int max = int.MaxValue)
    {
        var node = Get(key, required, "a whole number");
        if (node is null)
        {
            return null;
        }

        if (node is not YamlScalarNode { Style: ScalarStyle.Plain } scalar
            || !int.TryParse(scalar.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var value))
        {
            Mistyped(key, node, "a whole number");
            return null;
        }

        if (value < min || value > max)
        {
            _bag.Add(
                At(node),
                FieldName(key),
                string.Create(CultureInfo.InvariantCulture, $"{value} is out of range (expected {min} to {max})")
            );
            return null;
        }

        return value;
    }

    public bool? Flag(string key, bool required = true)
    {
        var node = Get(key, required, "true or false");
        if (node is null)
        {
            return null;
        }

        if (node is YamlScalarNode { Style: ScalarStyle.Plain, Value: "true" or "false" } scalar)
        {
            return scalar.Value == "true";
        }

        Mistyped(key, node, "true or false");
        return null;
    }

    /// <summary>Reads a text value and converts it; a value that does not convert is reported as <paramref name="expected"/>.</summary>
    public T? Parsed<T>(string key, TryParser<T> parse, string expected, bool required = true)
        where T : struct
    {
        var node = Get(key, required, expected);
        if (node is null)
        {
            return null;
        }

        if (node is YamlScalarNode { Value: { } text } && parse(text, out var value))
        {
            return value;
        }

        _bag.Add(At(node), FieldName(key), $"'{Describe(node)}' is not {expected}");
        return null;
    }

    /// <summary>Reads one of <paramref name="choices"/> (YAML spelling, kebab-case) into an enum value.</summary>
    public TEnum? Choice<TEnum>(string key, IReadOnlyDictionary<string, TEnum> choices, bool required = true)
        where TEnum : struct, Enum
    {
        var expected = "one of " + string.Join(", ", choices.Keys);
        return Parsed<TEnum>(key, (string text, out TEnum value) => choices.TryGetValue(text, out value), expected, required);
    }

    public ImmutableArray<string> Strings(string key, bool required = true)
    {
        var items = Sequence(key, required, "a list of text");
        var result = ImmutableArray.CreateBuilder<string>();
        for (var i = 0; i < items.Count; i++)
        {
            if (items[i] is YamlScalarNode { Value: { } value } && value.Trim().Length > 0)
            {
                result.Add(value.Trim());
            }
            else
            {
                _bag.Add(At(items[i]), $"{FieldName(key)}[{i}]", $"expected text, found {Kind(items[i])}");
            }
        }

        return result.ToImmutable();
    }

    /// <summary>Reads a value that may be one text or a list of texts; says which it was.</summary>
    public (ImmutableArray<string> Values, bool IsList) StringOrStrings(string key, bool required = true)
    {
        var node = Find(key);
        if (node is YamlSequenceNode)
        {
            return (Strings(key, required), true);
        }

        var single = Text(key, required);
        return (single is null ? [] : [single], false);
    }

    public MapReader? Map(string key, bool required = true)
    {
        var node = Get(key, required, "a mapping of fields");
        if (node is null)
        {
            return null;
        }

        if (node is YamlMappingNode mapping)
        {
            return new MapReader(mapping, File, FieldName(key), _bag);
        }

        Mistyped(key, node, "a mapping of fields");
        return null;
    }

    public IReadOnlyList<MapReader> Maps(string key, bool required = true)
    {
        var items = Sequence(key, required, "a list of mappings");
        var result = new List<MapReader>(items.Count);
        for (var i = 0; i < items.Count; i++)
        {
            var field = $"{FieldName(key)}[{i}]";
            if (items[i] is YamlMappingNode mapping)
            {
                result.Add(new MapReader(mapping, File, field, _bag));
            }
            else
            {
                _bag.Add(At(items[i]), field, $"expected a mapping of fields, found {Kind(items[i])}");
            }
        }

        return result;
    }

    /// <summary>Reports every key of this mapping that no read asked for.</summary>
    public void Finish()
    {
        foreach (var (keyNode, _) in _node.Children)
        {
            var key = (keyNode as YamlScalarNode)?.Value ?? "?";
            if (!_known.Contains(key))
            {
                var expected = _known.Count == 0 ? "no fields here" : "one of " + string.Join(", ", _known.Order(StringComparer.Ordinal));
                _bag.Add(At(keyNode), FieldName(key), $"unknown field (expected {expected})");
            }
        }
    }

    private List<YamlNode> Sequence(string key, bool required, string expected)
    {
        var node = Get(key, required, expected);
        switch (node)
        {
            case null:
                return [];
            case YamlSequenceNode sequence:
                return sequence.Children.ToList();
            default:
                Mistyped(key, node, expected);
                return [];
        }
    }

    private YamlNode? Get(string key, bool required, string expected)
    {
        _known.Add(key);
        var node = Find(key);
        if (node is YamlScalarNode { Style: ScalarStyle.Plain, Value: "" or "~" or "null" })
        {
            node = null;
        }

        if (node is null && required)
        {
            _bag.Add(Location, FieldName(key), $"missing required field (expected {expected})");
        }

        return node;
    }

    private YamlNode? Find(string key) =>
        _node.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;

    private void Mistyped(string key, YamlNode node, string expected) =>
        _bag.Add(At(node), FieldName(key), $"expected {expected}, found {Kind(node)}");

    private SourceLocation At(YamlNode node) => new(File, (int)node.Start.Line, (int)node.Start.Column);

    private static string Kind(YamlNode node) => node switch
    {
        YamlSequenceNode => "a list",
        YamlMappingNode => "a mapping",
        YamlScalarNode scalar => $"'{scalar.Value}'",
        _ => "something else",
    };

    private static string Describe(YamlNode node) => node is YamlScalarNode scalar ? scalar.Value ?? "" : Kind(node);
}
