namespace CourseBot.Core.Journey.History;

/// <summary>
/// Peers asked to review the author's capstone pull request <see cref="Number"/>, chosen once when it became ready for
/// review (<see cref="Peers"/>: logins, in the order chosen). An empty list: no peer was available, an instructor's review stands in.
/// </summary>
public sealed record PeerReviewersAssigned(int Number, IReadOnlyList<string> Peers) : LearnerEventData
{
    public override string Kind => LearnerEventKinds.PeerReviewersAssigned;
}
