namespace CourseBot.Core.Storage;

/// <summary>
/// One entry of a learner's append-only history (enrolled, quiz submitted, lab graded, review
/// approved, certificate issued). Progress is derived from it, so any view can be rebuilt and every
/// grade audited: the entry keeps what was decided and the evidence it was decided on.
/// </summary>
public sealed record LearnerEvent(long Sequence, string Repository, string Kind, string Subject, DateTimeOffset At, string Data);

public static class LearnerEventKinds
{
    public const string Enrolled = "enrolled";
    public const string QuizSubmitted = "quiz-submitted";
    public const string LabGraded = "lab-graded";
    public const string ReviewApproved = "review-approved";
    public const string CertificateIssued = "certificate-issued";

    /// <summary>An instructor placed the learner into a path (its "OR equivalent knowledge" alternative); subject: the path id.</summary>
    public const string Placement = "placement";

    /// <summary>
    /// A capstone pull request opened, updated, marked ready, closed or reopened; subject: the module id;
    /// data: number, action, draft, open, head, at (GitHub's updated_at), url.
    /// </summary>
    public const string CapstonePullRequest = "capstone-pr";

    /// <summary>
    /// An instructor's counted review of a capstone pull request, or its dismissal; subject: the module id;
    /// data: number, review (GitHub's id), state (approved, changes_requested, dismissed), by (the reviewer), actor (who
    /// submitted or dismissed it), commit, at (submitted_at),
    /// url, and for an approval scores (criterion -> points), total, max.
    /// </summary>
    public const string CapstoneReview = "capstone-review";
}

/// <summary>The append-only history. There is no update and no delete.</summary>
public interface ILearnerEvents
{
    Task<LearnerEvent> AppendAsync(string repository, string kind, string subject, string data, CancellationToken cancel);

    Task<IReadOnlyList<LearnerEvent>> ReadAsync(string repository, CancellationToken cancel);

    /// <summary>Every repository with an <see cref="LearnerEventKinds.Enrolled"/> event (for the reconciler and cohort views).</summary>
    Task<IReadOnlyList<string>> LearnersAsync(CancellationToken cancel);
}
