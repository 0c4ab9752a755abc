namespace CourseBot.Tests.Workflows;

/// <summary>One step of a workflow job or a composite action, as written (expressions not yet evaluated).</summary>
internal sealed record WorkflowStep
{
    public string? Name { get; init; }

    public string? Id { get; init; }

    public string? Uses { get; init; }

    public string? Run { get; init; }

    public string? Shell { get; init; }

    public string? WorkingDirectory { get; init; }

    public IReadOnlyDictionary<string, string> Env { get; init; } = new Dictionary<string, string>();

    public IReadOnlyDictionary<string, string> With { get; init; } = new Dictionary<string, string>();

    public string Label => Name ?? Id ?? Uses ?? "run";
}
