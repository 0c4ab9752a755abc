using System.Collections.Immutable;

namespace CourseBot.Core.Curriculum.Model;

/// <summary>A learning path (Fundamentals, Professional, Expert, Specialization).</summary>
public sealed record LearningPath(
    string Id,
    int Number,
    string Title,
    string Level,
    string Audience,
    Prerequisites Prerequisites,
    StudyDuration Duration,
    IntRange Hours,
    ImmutableArray<string> Modules,
    ImmutableArray<Track> Tracks,
    int TracksRequired,
    SourceLocation Location,
    SourceLocation ModulesLocation)
{
    /// <summary>Every module of the path in order: each track's modules, then the path's own.</summary>
    public IEnumerable<string> AllModules => Tracks.SelectMany(t => t.Modules).Concat(Modules);
}
