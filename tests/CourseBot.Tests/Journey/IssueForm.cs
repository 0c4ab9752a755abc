using YamlDotNet.RepresentationModel;

namespace CourseBot.Tests.Journey;

/// <summary>An issue form read back from its YAML the way a test needs it (a YAML parse that throws is a failed test).</summary>
internal sealed record IssueForm(YamlMappingNode Root, IReadOnlyList<FormElement> Body)
{
    public static IssueForm Parse(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        var root = (YamlMappingNode)Assert.Single(stream.Documents).RootNode;
        var body = ((YamlSequenceNode)root["body"]).Children.Cast<YamlMappingNode>().Select(FormElement.From).ToList();
        return new IssueForm(root, body);
    }

    public string Scalar(string key) => ((YamlScalarNode)Root[key]).Value!;

    /// <summary>The fields GitHub submits (everything but markdown), in form order.</summary>
    public IEnumerable<FormElement> Fields => Body.Where(e => e.Type != "markdown");
}

internal sealed record FormElement(string Type, string? Id, string? Label, IReadOnlyList<YamlScalarNode> OptionNodes, string? Value, bool? Required, int? Default, YamlMappingNode Node)
{
    public IReadOnlyList<string> Options => OptionNodes.Select(o => o.Value!).ToList();

    public static FormElement From(YamlMappingNode node)
    {
        var attributes = (YamlMappingNode)node["attributes"];
        var options = attributes.Children.TryGetValue("options", out var list)
            ? ((YamlSequenceNode)list).Children.Select(o => o is YamlMappingNode m ? (YamlScalarNode)m["label"] : (YamlScalarNode)o).ToList()
            : [];
        bool? required = node.Children.TryGetValue("validations", out var v) ? bool.Parse(((YamlScalarNode)((YamlMappingNode)v)["required"]).Value!) : null;
        int? selected = attributes.Children.TryGetValue("default", out var d) ? int.Parse(((YamlScalarNode)d).Value!, System.Globalization.CultureInfo.InvariantCulture) : null;
        return new FormElement(
            ((YamlScalarNode)node["type"]).Value!,
            node.Children.TryGetValue("id", out var id) ? ((YamlScalarNode)id).Value : null,
            attributes.Children.TryGetValue("label", out var label) ? ((YamlScalarNode)label).Value : null,
            options,
            attributes.Children.TryGetValue("value", out var value) ? ((YamlScalarNode)value).Value : null,
            required,
            selected,
            node);
    }
}
