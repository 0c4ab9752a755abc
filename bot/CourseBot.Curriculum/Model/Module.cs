using System.Collections.Immutable;

namespace CourseBot.Core.Curriculum.Model;

/// <summary>One module: its <c>module.yml</c> and its lesson <c>README.md</c>.</summary>
public sealed record Module(
    int Number,
    string Id,
    string Title,
    string Path,
    string? Track,
    StudyDuration Duration,
    IntRange Hours,
    ImmutableArray<string> Objectives,
    Prerequisites Prerequisites,
    ImmutableArray<string> Concepts,
    ImmutableArray<Resource> Resources,
    ImmutableArray<Assessment> Assessments,
    Capstone? Capstone,
    ImmutableArray<Quiz> Quizzes,
    string Directory,
    string? Lesson,
    SourceLocation Location)
{
    public IEnumerable<Assessment> OfKind(AssessmentKind kind) => Assessments.Where(a => a.Kind == kind);
}
