using System.Collections.Immutable;

namespace CourseBot.Core.Journey.Capstones;

/// <summary>
/// A capstone's review as the record shows it: the pull request, the deciding review (who, when, which
/// rubric scores) and a note when an approval was dismissed or went stale.
/// </summary>
public sealed record CapstoneStatus(
    CapstoneState State,
    int? PullRequest,
    string? PullRequestUrl,
    string? Reviewer,
    string? ReviewUrl,
    DateTimeOffset? At,
    ImmutableArray<(string Criterion, double Points)> Scores,
    double? Total,
    double? Max,
    string? Note)
{
    public static CapstoneStatus None { get; } = new(CapstoneState.NotSubmitted, null, null, null, null, null, [], null, null, null);

    public bool Approved => State == CapstoneState.Approved;
}
