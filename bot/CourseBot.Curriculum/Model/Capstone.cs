using System.Collections.Immutable;

namespace CourseBot.Core.Curriculum.Model;

/// <summary>A capstone brief (the seed's six capstones), the rubric reviewers grade it by, and the pull request template its submission
/// uses.</summary>
public sealed record Capstone(
    int Number,
    string Title,
    ImmutableArray<string> Brief,
    ImmutableArray<RubricCriterion> Rubric,
    string? PullRequestTemplate,
    SourceLocation Location
);
