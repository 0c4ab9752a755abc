using CourseBot.Core.Curriculum.Model;

namespace CourseBot.Core.Curriculum;

/// <summary>One problem found in the curriculum: where it is, which field, and what was expected.</summary>
public sealed record CurriculumDiagnostic(SourceLocation Location, string Field, string Message)
{
    public override string ToString() =>
        Field.Length == 0 ? $"{Location}: error: {Message}" : $"{Location}: error: {Field}: {Message}";
}
