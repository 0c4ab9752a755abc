using CourseBot.Core.Curriculum.Model;

namespace CourseBot.Grading.Labs;

/// <summary>A file in the learner's work folder exists, and its content matches (or must not match) a pattern.</summary>
public sealed record FileCheck(
    string Name,
    int Points,
    string? Hint,
    SourceLocation Location,
    string Path,
    string? Matches,
    string? MustNotMatch) : CheckDefinition(Name, Points, Hint, Location)
{
    public override string Kind => "file";
}
