using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using CourseBot.Core.Storage;

namespace CourseBot.Core.Journey.History;

/// <summary>
/// Writes and reads history entries as their records. Reading is tolerant by design: an entry whose data
/// does not parse (or of a kind this bot does not know) reads as null and is skipped, never failing a rebuild.
/// </summary>
public static class LearnerEventJson
{
    private static LearnerEventJsonContext Json => LearnerEventJsonContext.Default;

    /// <summary>The data as stored, stamped with <see cref="LearnerEventData.CurrentVersion"/>.</summary>
    public static string Write(LearnerEventData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var stamped = data with { Version = LearnerEventData.CurrentVersion };
        return JsonSerializer.Serialize(stamped, stamped.GetType(), Json);
    }

    /// <summary>The entry's data as its kind's record, or null.</summary>
    public static LearnerEventData? Read(LearnerEvent entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return entry.Kind switch
        {
            LearnerEventKinds.Enrolled => Parse(entry.Data, Json.Enrolled),
            LearnerEventKinds.QuizSubmitted => Parse(entry.Data, Json.QuizSubmitted),
            LearnerEventKinds.LabGraded => Parse(entry.Data, Json.LabGraded),
            LearnerEventKinds.ReviewApproved => Parse(entry.Data, Json.ReviewApproved),
            LearnerEventKinds.CertificateIssued => Parse(entry.Data, Json.CertificateIssued),
            LearnerEventKinds.Placement => Parse(entry.Data, Json.Placed),
            LearnerEventKinds.QuizStarted => Parse(entry.Data, Json.QuizStarted),
            LearnerEventKinds.GitHubRepository => Parse(entry.Data, Json.RepositoryCreated),
            LearnerEventKinds.GitHubSetup => Parse(entry.Data, Json.SetupDone),
            LearnerEventKinds.GitHubIssue => Parse(entry.Data, Json.ModuleIssueOpened),
            LearnerEventKinds.GitHubIssueState => Parse(entry.Data, Json.ModuleIssueWritten),
            LearnerEventKinds.GitHubComment => Parse(entry.Data, Json.ResultsCommentWritten),
            LearnerEventKinds.GitHubFiles => Parse(entry.Data, Json.FilesCommitted),
            LearnerEventKinds.GitHubPush => Parse(entry.Data, Json.PushSeen),
            LearnerEventKinds.GitHubReply => Parse(entry.Data, Json.ReplyPosted),
            LearnerEventKinds.CapstonePullRequest => Parse(entry.Data, Json.CapstonePullRequest),
            LearnerEventKinds.CapstoneReview => Parse(entry.Data, Json.CapstoneReview),
            LearnerEventKinds.PeerReviewersAssigned => Parse(entry.Data, Json.PeerReviewersAssigned),
            LearnerEventKinds.PeerReviewGiven => Parse(entry.Data, Json.PeerReviewGiven),
            LearnerEventKinds.GitHubPeerAccess => Parse(entry.Data, Json.PeerAccessRemoved),
            LearnerEventKinds.PeerReviewWaived => Parse(entry.Data, Json.PeerReviewWaived),
            LearnerEventKinds.ScheduleExtended => Parse(entry.Data, Json.ScheduleExtended),
            LearnerEventKinds.PaceChanged => Parse(entry.Data, Json.PaceChanged),
            LearnerEventKinds.SchedulePaused => Parse(entry.Data, Json.SchedulePaused),
            LearnerEventKinds.DeadlineReminder => Parse(entry.Data, Json.DeadlineReminderPosted),
            LearnerEventKinds.RegradeRequested => Parse(entry.Data, Json.RegradeRequested),
            LearnerEventKinds.CohortMoved => Parse(entry.Data, Json.CohortMoved),
            LearnerEventKinds.Unenrolled => Parse(entry.Data, Json.Unenrolled),
            LearnerEventKinds.CredentialIssued => Parse(entry.Data, Json.CredentialIssued),
            LearnerEventKinds.CredentialRevoked => Parse(entry.Data, Json.CredentialRevoked),
            _ => null,
        };
    }

    /// <summary>The entry's data if it is a <typeparamref name="T"/>, or null.</summary>
    public static T? Read<T>(LearnerEvent entry) where T : LearnerEventData => Read(entry) as T;

    private static T? Parse<T>(string data, JsonTypeInfo<T> type) where T : LearnerEventData
    {
        try
        {
            return JsonSerializer.Deserialize(data, type);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
