namespace CourseBot.Core.Journey.History;

/// <summary>
/// Every kind of entry in a learner's append-only history, one list. The learner's own events decide
/// progress; the bot's bookkeeping about its writes to the learner's repository (prefixed <c>github.</c>)
/// lets it skip calls that would change nothing, so a redelivered webhook finds its work done. Each
/// kind has one record (in this folder) that its data is written and read as.
/// </summary>
public static class LearnerEventKinds
{
    /// <summary><see cref="Enrolled"/>; subject: the path id.</summary>
    public const string Enrolled = "enrolled";

    /// <summary><see cref="QuizSubmitted"/>; subject: module/assessment.</summary>
    public const string QuizSubmitted = "quiz-submitted";

    /// <summary><see cref="LabGraded"/>; subject: module/assessment.</summary>
    public const string LabGraded = "lab-graded";

    /// <summary><see cref="ReviewApproved"/>; subject: module/assessment.</summary>
    public const string ReviewApproved = "review-approved";

    /// <summary><see cref="CertificateIssued"/>; subject: the certificate's key.</summary>
    public const string CertificateIssued = "certificate-issued";

    /// <summary>
    /// <see cref="History.CredentialIssued"/>: the certificate's signed credential; subject: the certificate's key.
    /// </summary>
    public const string CredentialIssued = "credential-issued";

    /// <summary>
    /// <see cref="History.CredentialRevoked"/>: in the credential register, a revocation; subject: the credential id.
    /// </summary>
    public const string CredentialRevoked = "credential-revoked";

    /// <summary><see cref="Placed"/>: the learner was placed into a path (its "OR equivalent knowledge"); subject: the path id.</summary>
    public const string Placement = "placement";

    /// <summary><see cref="QuizStarted"/>: an attempt started with <c>/quiz</c>; subject: module/assessment.</summary>
    public const string QuizStarted = "quiz-started";

    /// <summary><see cref="History.CapstonePullRequest"/>: a capstone pull request changed; subject: the module id.</summary>
    public const string CapstonePullRequest = "capstone-pr";

    /// <summary><see cref="History.CapstoneReview"/>: an instructor's counted review or its dismissal; subject: the module id.</summary>
    public const string CapstoneReview = "capstone-review";

    /// <summary><see cref="History.PeerReviewersAssigned"/>: peers asked to review a capstone pull request; subject: the module
    /// id.</summary>
    public const string PeerReviewersAssigned = "peer-review-assigned";

    /// <summary><see cref="History.PeerReviewGiven"/>: in the reviewer's history, a counted peer review; subject: the reviewed module
    /// id.</summary>
    public const string PeerReviewGiven = "peer-review-given";

    /// <summary><see cref="History.PeerReviewWaived"/>: an instructor waived the path's peer review rule; subject: the path id.</summary>
    public const string PeerReviewWaived = "peer-review-waived";

    /// <summary><see cref="History.ScheduleExtended"/>: an instructor's <c>/extend</c>; subject: the module id it starts from.</summary>
    public const string ScheduleExtended = "schedule-extended";

    /// <summary><see cref="History.PaceChanged"/>: <c>/pace</c>; subject: empty.</summary>
    public const string PaceChanged = "pace-changed";

    /// <summary><see cref="History.SchedulePaused"/>: <c>/pause</c> or <c>/resume</c>; subject: empty.</summary>
    public const string SchedulePaused = "schedule-paused";

    /// <summary><see cref="History.CohortMoved"/>: an instructor's <c>/cohort</c>; subject: the new cohort.</summary>
    public const string CohortMoved = "cohort-moved";

    /// <summary><see cref="History.Unenrolled"/>: an instructor's <c>/unenroll</c> (the repository archived); subject: empty.</summary>
    public const string Unenrolled = "unenrolled";

    /// <summary><see cref="History.RegradeRequested"/>: a lab's regrade dispatched; subject: module/assessment.</summary>
    public const string RegradeRequested = "regrade-requested";

    /// <summary><see cref="DeadlineReminderPosted"/>: an overdue reminder posted; subject: <c>module-id:threshold</c>.</summary>
    public const string DeadlineReminder = "github.deadline-reminder";

    /// <summary><see cref="RepositoryCreated"/>: the learner's repository was generated.</summary>
    public const string GitHubRepository = "github.repository";

    /// <summary>
    /// <see cref="SetupDone"/>: a one-time setup step (subject: <c>invite</c>, <c>labels</c>, <c>milestones</c>, <c>milestone:Title</c>).
    /// </summary>
    public const string GitHubSetup = "github.setup";

    /// <summary><see cref="ModuleIssueOpened"/>; subject: the module id.</summary>
    public const string GitHubIssue = "github.issue";

    /// <summary><see cref="ModuleIssueWritten"/>; subject: the module id.</summary>
    public const string GitHubIssueState = "github.issue-state";

    /// <summary><see cref="ResultsCommentWritten"/>; subject: the module id.</summary>
    public const string GitHubComment = "github.comment";

    /// <summary><see cref="FilesCommitted"/>: the progress files the bot committed.</summary>
    public const string GitHubFiles = "github.files";

    /// <summary><see cref="PushSeen"/>: a push to the default branch (from the webhook, no API call).</summary>
    public const string GitHubPush = "github.push";

    /// <summary><see cref="PeerAccessRemoved"/>: a peer's read access taken back; subject: the module id.</summary>
    public const string GitHubPeerAccess = "github.peer-access";

    /// <summary><see cref="ReplyPosted"/>: a reply the bot posted; subject: what it answered.</summary>
    public const string GitHubReply = "github.reply";
}
