using System.Collections.Immutable;
using CourseBot.Core.Curriculum.Model;

namespace CourseBot.Core.Journey.Progression;

/// <summary>
/// One path for one learner: passed modules of it, and whether it is open and complete (its modules passed and the peer
/// reviews it asks for given: <see cref="PeerReviewsGiven"/> of <see cref="PeerReviewsRequired"/>).
/// </summary>
public sealed record PathProgress(
    LearningPath Path,
    int Passed,
    int Total,
    bool Unlocked,
    bool Complete,
    ImmutableArray<string> CompletedTracks
)
{
    public int PeerReviewsGiven { get; init; }

    public int PeerReviewsRequired { get; init; }

    /// <summary>
    /// Its modules (and required tracks) are passed, peer reviews aside. This, not <see cref="Complete"/>, opens the paths
    /// that require this one: a learner waits for no peer's capstone to move on, and nobody who passed a path before the
    /// peer-review rule was enforced finds a later module locked again. The certificate still waits for the reviews.
    /// </summary>
    public bool ModulesComplete { get; init; }
}
