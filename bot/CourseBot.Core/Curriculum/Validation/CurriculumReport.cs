using System.Collections.Immutable;
using CourseBot.Core.Curriculum.Model;
using CourseBot.Core.Curriculum.Packages;

namespace CourseBot.Core.Curriculum.Validation;

/// <summary>A validated course (if it could be loaded) and every problem found; valid when there are none.</summary>
public sealed record CurriculumReport(Course? Course, ImmutableArray<CurriculumDiagnostic> Diagnostics)
{
    public bool IsValid => Course is not null && Diagnostics.IsEmpty;

    /// <summary>The Debian packages each lab declares (what the grading job installs for it).</summary>
    public ImmutableArray<LabPackages> LabPackages { get; init; } = [];

    public CourseSummary? Summary => Course is null ? null : CourseSummary.Of(Course);
}
