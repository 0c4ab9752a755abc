namespace CourseBot.Core.Journey.History;

/// <summary>
/// In the reviewing peer's history: their substantive review (<see cref="Review"/>, GitHub's id) of another learner's capstone
/// pull request <see cref="Repository"/>#<see cref="Number"/>; <see cref="At"/> is <c>submitted_at</c>. Counts toward the
/// path rule <c>passing.path.peer_review</c>; one per pull request, however many reviews the peer writes.
/// </summary>
public sealed record PeerReviewGiven(string Repository, int Number, long Review, DateTimeOffset At, string? Url) : LearnerEventData
{
    public override string Kind => LearnerEventKinds.PeerReviewGiven;
}
