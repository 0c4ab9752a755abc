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
