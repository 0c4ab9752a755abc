namespace CourseBot.Core.Journey.History;

/// <summary>
/// A capstone pull request opened, updated, marked ready, closed or reopened (<see cref="Action"/>, GitHub's
/// webhook action); <see cref="At"/> is GitHub's <c>updated_at</c>, so shuffled deliveries still order.
/// </summary>
public sealed record CapstonePullRequest(int Number, string? Action, bool Draft, bool Open, string? Head, DateTimeOffset At, string? Url)
    : LearnerEventData
{
    public override string Kind => LearnerEventKinds.CapstonePullRequest;
}
