using System.Collections.Immutable;

namespace CourseBot.Core.Curriculum.Model;

public sealed record Pace(
    string Id,
    string Title,
    IntRange? HoursPerWeek,
    IntRange? ProgramWeeks,
    int? MaxMonths,
    string Approach,
    ImmutableArray<Milestone> Milestones,
    SourceLocation Location);
