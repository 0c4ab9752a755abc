using System.Collections.Immutable;

namespace CourseBot.Core.Curriculum.Model;

/// <summary>A specialization track inside a path (Path 4's 4A, 4B, 4C).</summary>
public sealed record Track(
    string Id,
    string Code,
    string Title,
    ImmutableArray<string> Modules,
    SourceLocation Location,
    SourceLocation ModulesLocation
);
