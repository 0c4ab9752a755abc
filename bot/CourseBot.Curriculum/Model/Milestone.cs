namespace CourseBot.Core.Curriculum.Model;

/// <summary>By the end of <see cref="Months"/> (1-based, from the start date) the learner has completed <see cref="Modules"/> (module
/// numbers).</summary>
public sealed record Milestone(IntRange Months, IntRange Modules, SourceLocation Location);
