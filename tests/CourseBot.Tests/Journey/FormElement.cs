using YamlDotNet.RepresentationModel;

namespace CourseBot.Tests.Journey;

internal sealed record FormElement(
    string Type,
    string? Id,
    string? Label,
    IReadOnlyList<YamlScalarNode> OptionNodes,
    string? Value,
    bool? Required,
    int? Default,
    YamlMappingNode Node
)
{
    public IReadOnlyList<string> Options => OptionNodes.Select(o => o.Value!).ToList();

    public static FormElement From(YamlMappingNode node)
    {
        var attributes = (YamlMappingNode)node["attributes"];
        var options = attributes.Children.TryGetValue("options", out var list)
            ? ((YamlSequenceNode)list)
                .Children.Select(o => o is YamlMappingNode m ? (YamlScalarNode)m["label"] : (YamlScalarNode)o)
                .ToList()
            : [];
        bool? required = node.Children.TryGetValue("validations", out var v)
            ? bool.Parse(((YamlScalarNode)((YamlMappingNode)v)["required"]).Value!)
            : null;
        int? selected = attributes.Children.TryGetValue("default", out var d)
            ? int.Parse(((YamlScalarNode)d).Value!, System.Globalization.CultureInfo.InvariantCulture)
            : null;
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
