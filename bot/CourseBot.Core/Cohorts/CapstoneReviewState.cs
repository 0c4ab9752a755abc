using CourseBot.Core.Journey.Capstones;

namespace CourseBot.Core.Cohorts;

/// <summary>A learner's capstone pull request and where its review stands; <see cref="Since"/> is its last change.</summary>
public sealed record CapstoneReviewState(
    string ModuleId, int Number, CapstoneState State, int? PullRequest, string? Url, string? Reviewer, DateTimeOffset? Since);
