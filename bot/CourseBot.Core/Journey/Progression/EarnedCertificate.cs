using System.Collections.Immutable;
using CourseBot.Core.Curriculum.Model;

namespace CourseBot.Core.Journey.Progression;

/// <summary>A certification level the learner has earned (per-path levels carry the path).</summary>
public sealed record EarnedCertificate(Certification Certification, string? PathId, DateTimeOffset At)
{
    /// <summary>Stable key: <c>completion-fundamentals</c>, <c>professional</c>, ...</summary>
    public string Key => PathId is null ? Certification.Id : $"{Certification.Id}-{PathId}";

    /// <summary>The competency level the certificate attests: that of the highest path it covers (null if the course names none).</summary>
    public Competency? Competency { get; init; }

    /// <summary>
    /// Paths the level counts by the learner's placement past them rather than by completing them (see curriculum/README.md).
    /// </summary>
    public ImmutableArray<string> PlacedPaths { get; init; } = [];
}
