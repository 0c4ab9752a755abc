namespace CourseBot.Core.Journey.History;

/// <summary>In the author's history: <see cref="Peer"/>'s read access to the repository was taken back (their review counted, or the pull
/// request closed).</summary>
public sealed record PeerAccessRemoved(int Number, string Peer) : LearnerEventData
{
    public override string Kind => LearnerEventKinds.GitHubPeerAccess;
}
