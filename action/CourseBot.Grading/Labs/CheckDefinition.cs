using CourseBot.Core.Curriculum.Model;

namespace CourseBot.Grading.Labs;

/// <summary>A check worth <see cref="Points"/>; <see cref="Hint"/> is shown to the learner when it fails.</summary>
public abstract record CheckDefinition(string Name, int Points, string? Hint, SourceLocation Location)
{
    public abstract string Kind { get; }
}
