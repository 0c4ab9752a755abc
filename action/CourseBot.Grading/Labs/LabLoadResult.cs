using System.Collections.Immutable;
using CourseBot.Core.Curriculum;
using CourseBot.Core.Curriculum.Model;

namespace CourseBot.Grading.Labs;

/// <summary>A lab (null when it has problems) and its problems, each with file and line.</summary>
public sealed record LabLoadResult(LabDefinition? Lab, ImmutableArray<CurriculumDiagnostic> Diagnostics)
{
    public static LabLoadResult Failed(string message) =>
        new(null, [new CurriculumDiagnostic(SourceLocation.OfFile("(curriculum)"), "", message)]);
}
