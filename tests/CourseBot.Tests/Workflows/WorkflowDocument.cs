using YamlDotNet.RepresentationModel;

namespace CourseBot.Tests.Workflows;

/// <summary>A workflow or action.yml read with YamlDotNet: its steps, inputs and every scalar under a given key.</summary>
internal sealed class WorkflowDocument
{
    private WorkflowDocument(string path, YamlMappingNode root)
    {
        Path = path;
        Root = root;
    }

    public string Path { get; }

    public YamlMappingNode Root { get; }

    public static WorkflowDocument Load(string path) => Parse(path, File.ReadAllText(path));

    public static WorkflowDocument Parse(string path, string text)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(text));
        return new WorkflowDocument(path, (YamlMappingNode)stream.Documents[0].RootNode);
    }

    /// <summary>The steps of a composite action (<c>runs.steps</c>).</summary>
    public IReadOnlyList<WorkflowStep> CompositeSteps() => Steps(Mapping(Root, "runs"));

    /// <summary>The steps of one job of a workflow.</summary>
    public IReadOnlyList<WorkflowStep> JobSteps(string job) => Steps(Job(job));

    public YamlMappingNode Job(string job) => Mapping(Mapping(Root, "jobs"), job);

    /// <summary>An action's inputs with their defaults.</summary>
    public IReadOnlyDictionary<string, string> InputDefaults()
    {
        var inputs = new Dictionary<string, string>(StringComparer.Ordinal);
        if (Root.Children.TryGetValue(new YamlScalarNode("inputs"), out var node) && node is YamlMappingNode mapping)
        {
            foreach (var (key, value) in mapping.Children)
            {
                inputs[Scalar(key)] = value is YamlMappingNode input ? Text(input, "default") ?? "" : "";
            }
        }

        return inputs;
    }

    /// <summary>Every scalar value under a key of that name, anywhere in the document (e.g. every <c>uses</c>).</summary>
    public IReadOnlyList<string> ValuesOf(string key)
    {
        var found = new List<string>();
        Collect(Root, key, found);
        return found;
    }

    public static string? Text(YamlMappingNode mapping, string key) =>
        mapping.Children.TryGetValue(new YamlScalarNode(key), out var node) && node is YamlScalarNode scalar ? scalar.Value : null;

    public static YamlMappingNode Mapping(YamlMappingNode mapping, string key) =>
        mapping.Children.TryGetValue(new YamlScalarNode(key), out var node) && node is YamlMappingNode child
            ? child
            : throw new InvalidOperationException($"no mapping '{key}'");

    private static List<WorkflowStep> Steps(YamlMappingNode owner)
    {
        var steps = (YamlSequenceNode)owner.Children[new YamlScalarNode("steps")];
        return steps.Children.Cast<YamlMappingNode>().Select(step => new WorkflowStep
        {
            Name = Text(step, "name"),
            Id = Text(step, "id"),
            Uses = Text(step, "uses"),
            Run = Text(step, "run"),
            Shell = Text(step, "shell"),
            WorkingDirectory = Text(step, "working-directory"),
            Env = Pairs(step, "env"),
            With = Pairs(step, "with"),
        }).ToList();
    }

    private static Dictionary<string, string> Pairs(YamlMappingNode step, string key)
    {
        var pairs = new Dictionary<string, string>(StringComparer.Ordinal);
        if (step.Children.TryGetValue(new YamlScalarNode(key), out var node) && node is YamlMappingNode mapping)
        {
            foreach (var (name, value) in mapping.Children)
            {
                pairs[Scalar(name)] = Scalar(value);
            }
        }

        return pairs;
    }

    private static void Collect(YamlNode node, string key, List<string> found)
    {
        switch (node)
        {
            case YamlMappingNode mapping:
                foreach (var (name, value) in mapping.Children)
                {
                    if (name is YamlScalarNode { Value: { } text } && text == key && value is YamlScalarNode { Value: { } scalar })
                    {
                        found.Add(scalar);
                    }

                    Collect(value, key, found);
                }

                break;
            case YamlSequenceNode sequence:
                foreach (var child in sequence.Children)
                {
                    Collect(child, key, found);
                }

                break;
        }
    }

    private static string Scalar(YamlNode node) =>
        node is YamlScalarNode scalar ? scalar.Value ?? "" : throw new InvalidOperationException($"not a scalar at {node.Start}");
}
