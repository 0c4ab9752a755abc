using System.Text.Json.Serialization;

namespace CourseBot.Core.Journey.History;

/// <summary>
/// The history's JSON, generated at build time (no reflection, so the Native AOT builds can read it).
/// Names are snake_case as the history has always been written; absent values are left out.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(Enrolled))]
[JsonSerializable(typeof(QuizSubmitted))]
[JsonSerializable(typeof(LabGraded))]
[JsonSerializable(typeof(ReviewApproved))]
[JsonSerializable(typeof(CertificateIssued))]
[JsonSerializable(typeof(Placed))]
[JsonSerializable(typeof(QuizStarted))]
[JsonSerializable(typeof(RepositoryCreated))]
[JsonSerializable(typeof(SetupDone))]
[JsonSerializable(typeof(ModuleIssueOpened))]
[JsonSerializable(typeof(ModuleIssueWritten))]
[JsonSerializable(typeof(ResultsCommentWritten))]
[JsonSerializable(typeof(FilesCommitted))]
[JsonSerializable(typeof(PushSeen))]
[JsonSerializable(typeof(ReplyPosted))]
[JsonSerializable(typeof(CapstonePullRequest))]
[JsonSerializable(typeof(CapstoneReview))]
[JsonSerializable(typeof(PeerReviewersAssigned))]
[JsonSerializable(typeof(PeerReviewGiven))]
[JsonSerializable(typeof(PeerAccessRemoved))]
[JsonSerializable(typeof(PeerReviewWaived))]
[JsonSerializable(typeof(ScheduleExtended))]
[JsonSerializable(typeof(PaceChanged))]
[JsonSerializable(typeof(SchedulePaused))]
[JsonSerializable(typeof(DeadlineReminderPosted))]
[JsonSerializable(typeof(RegradeRequested))]
[JsonSerializable(typeof(CohortMoved))]
[JsonSerializable(typeof(Unenrolled))]
[JsonSerializable(typeof(CredentialIssued))]
[JsonSerializable(typeof(CredentialRevoked))]
internal sealed partial class LearnerEventJsonContext : JsonSerializerContext;
