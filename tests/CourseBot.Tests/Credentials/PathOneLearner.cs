using System.Text.Json.Nodes;
using CourseBot.Core.Curriculum.Model;
using CourseBot.Core.Journey;
using CourseBot.Core.Journey.History;
using CourseBot.Tests.Journey;

namespace CourseBot.Tests.Credentials;

/// <summary>
/// Ada enrolled through the real issue form, with Path 1's modules 1 to 11 and the learning plan on record (as earlier results
/// would have left them) and the bot caught up: the final exam is all that stands between her and the Certificate of Completion.
/// </summary>
internal static class PathOneLearner
{
    public const string Repository = "academy/celery-ada";
    public const string Certificate = "completion-fundamentals";

    public static async Task EnrollOneExamAwayAsync(JourneyHarness harness)
    {
        var script = new LearnerScript(harness, duplicate: false, seed: 16);
        await script.EnrollAsync();
        var course = CeleryCourse.Course;
        foreach (var module in course.FindPath("fundamentals")!.Modules.Select(id => course.FindModule(id)!))
        {
            foreach (var assessment in module.Assessments.Where(a => module.Number < 12 || a.Id == "learning-plan"))
            {
                await RecordAsync(harness, module, assessment);
            }
        }

        await harness.History.AppendAsync(Repository, LearnerEventKinds.PeerReviewGiven, "capstone-background-processing",
            LearnerEventJson.Write(new PeerReviewGiven("academy/celery-bob", 3, 7001, DateTimeOffset.UnixEpoch, null)),
            CancellationToken.None);
        await SyncAsync(harness, "caught-up");
    }

    /// <summary>The final exam passed on record; the bot's sync issues the certificate.</summary>
    public static async Task PassFinalExamAsync(JourneyHarness harness)
    {
        var exam = CeleryCourse.Course.FindModule("course-review")!;
        await RecordAsync(harness, exam, exam.Assessments.Single(a => a.Id == "final-exam"));
        await SyncAsync(harness, "exam-passed");
    }

    private static async Task SyncAsync(JourneyHarness harness, string reason)
    {
        await harness.Inbox.TryEnqueueAsync(QueuedLearnerChanges.Sync(Repository, reason), CancellationToken.None);
        await harness.IdleAsync();
    }

    private static Task<Core.Storage.LearnerEvent> RecordAsync(JourneyHarness harness, Module module, Assessment assessment)
    {
        var (kind, data) = assessment.Grading switch
        {
            Core.Curriculum.Model.Grading.Quiz =>
                (LearnerEventKinds.QuizSubmitted, new JsonObject { ["percent"] = 100, ["counted"] = true }),
            Core.Curriculum.Model.Grading.Auto =>
                (LearnerEventKinds.LabGraded, new JsonObject { ["score"] = 1, ["max_score"] = 1, ["passed"] = true }),
            _ => (LearnerEventKinds.ReviewApproved, new JsonObject { ["by"] = "grace" }),
        };
        return harness.History.AppendAsync(Repository, kind, $"{module.Id}/{assessment.Id}", data.ToJsonString(), CancellationToken.None);
    }
}
