using System.Collections.Immutable;
using CourseBot.Core.Curriculum.Model;

namespace CourseBot.Core.Curriculum.Loading;

/// <summary>What loading produced: the course (null when <c>course.yml</c> could not be read) and every problem found.</summary>
public sealed record CurriculumLoadResult(Course? Course, ImmutableArray<CurriculumDiagnostic> Diagnostics);
