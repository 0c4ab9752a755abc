using System.Collections.Immutable;

namespace CourseBot.Core.Curriculum.Model;

/// <summary>A certification level. <see cref="PerPath"/> levels are awarded once per completed path.</summary>
public sealed record Certification(
    string Id,
    int Level,
    string Title,
    bool PerPath,
    ImmutableArray<string> Paths,
    ImmutableArray<string> Tracks,
    int MinTracks,
    string? Description,
    SourceLocation Location);
