using System.Collections.Immutable;

namespace CourseBot.Core.Journey.Capstones;

/// <summary>What a review body scored: points per criterion (rubric order), and what is missing or wrong.</summary>
public sealed record RubricScores(ImmutableArray<(string Criterion, double Points)> Scores, ImmutableArray<string> Problems, double Max)
{
    public bool Complete => Problems.IsEmpty;

    public double Total => Scores.Sum(s => s.Points);
}
