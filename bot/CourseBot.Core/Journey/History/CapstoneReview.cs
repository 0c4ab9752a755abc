namespace CourseBot.Core.Journey.History;

/// <summary>
/// An instructor's counted review of a capstone pull request, or its dismissal. <see cref="Review"/> is GitHub's
/// review id; <see cref="State"/> is <c>approved</c>, <c>changes_requested</c> or <c>dismissed</c>; <see cref="By"/>
/// wrote the review and <see cref="Actor"/> submitted or dismissed it; <see cref="At"/> is <c>submitted_at</c>.
/// An approval carries the rubric's <see cref="Scores"/> (criterion to points, in the rubric's order),
/// <see cref="Total"/> and <see cref="Max"/>.
/// </summary>
public sealed record CapstoneReview(
    int Number, long Review, string State, string? By, string? Actor, string? Commit, DateTimeOffset At, string? Url,
    IReadOnlyDictionary<string, double>? Scores = null, double? Total = null, double? Max = null) : LearnerEventData
{
    public override string Kind => LearnerEventKinds.CapstoneReview;
}
