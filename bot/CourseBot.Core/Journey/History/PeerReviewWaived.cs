namespace CourseBot.Core.Journey.History;

/// <summary>
/// An instructor waived the path rule <c>passing.path.peer_review</c> for this learner (<c>/waive-peer-review</c> in a module issue,
/// comment <see cref="Comment"/>): the last learner of a small cohort has no classmate's capstone left to review.
/// Subject: the path id.
/// </summary>
public sealed record PeerReviewWaived(string By, long Comment) : LearnerEventData
{
    public override string Kind => LearnerEventKinds.PeerReviewWaived;
}
