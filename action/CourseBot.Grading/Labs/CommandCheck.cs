using CourseBot.Core.Curriculum.Model;

namespace CourseBot.Grading.Labs;

/// <summary>Runs a command as the learner user and compares its output.</summary>
public sealed record CommandCheck(
    string Name,
    int Points,
    string? Hint,
    SourceLocation Location,
    string? Setup,
    string Run,
    string? Input,
    string? ExpectedOutput,
    OutputComparison Comparison,
    TimeSpan Timeout) : CheckDefinition(Name, Points, Hint, Location)
{
    public override string Kind => "command";
}
