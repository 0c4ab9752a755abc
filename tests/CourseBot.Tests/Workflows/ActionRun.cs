namespace CourseBot.Tests.Workflows;

/// <summary>What running an action's steps left: the first failing step (if any), the log, the outputs.</summary>
internal sealed record ActionRun(int ExitCode, string? FailedStep, string Log, IReadOnlyDictionary<string, string> Outputs)
{
    public bool Succeeded => ExitCode == 0;
}
