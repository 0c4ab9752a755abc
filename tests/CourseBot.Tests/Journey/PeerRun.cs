using CourseBot.Core.Storage;
using CourseBot.GitHubEmulator;

namespace CourseBot.Tests.Journey;

/// <summary>What <see cref="PeerScript.RunAsync"/> saw: the pull request, both histories, who was asked, and who had access when.</summary>
internal sealed record PeerRun(
    PullState Pull,
    IReadOnlyList<LearnerEvent> AdaHistory,
    IReadOnlyList<LearnerEvent> BobHistory,
    IReadOnlyList<string> RequestedReviewers,
    IReadOnlyDictionary<string, string> AccessAfterAssignment,
    bool BobKeptAccessAfterShortReview,
    IReadOnlyList<string> AccessRemovedBeforeClose
);
