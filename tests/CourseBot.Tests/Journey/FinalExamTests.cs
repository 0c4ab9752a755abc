using System.Text.Json.Nodes;
using CourseBot.Core.Curriculum.Model;
using CourseBot.Core.Journey;
using CourseBot.Core.Journey.History;
using CourseBot.Core.Journey.Quizzes;
using CourseBot.Core.Journey.Writing;

namespace CourseBot.Tests.Journey;

/// <summary>The Path 1 final exam works like a module quiz with its own pass mark (85 %), and passing it completes the path and earns its
/// certificate.</summary>
[Collection(JourneyGroup.Name)]
public sealed class FinalExamTests
{
    private const string Repository = "academy/celery-ada";

    [Fact]
    public async Task FinalExam_84PercentFails_86PercentPasses_AndPathOneIsCertified()
    {
        await using var harness = await JourneyHarness.StartAsync();
        var script = new LearnerScript(harness, duplicate: false, seed: 12);
        await script.EnrollAsync();
        var course = CeleryCourse.Course;

        // Modules 1 to 11 and the learning plan on record (as earlier results would have left them), then the bot catches up.
        foreach (var module in course.FindPath("fundamentals")!.Modules.Select(id => course.FindModule(id)!))
        {
            foreach (var assessment in module.Assessments.Where(a => module.Number < 12 || a.Id == "learning-plan"))
            {
                var key = $"{module.Id}/{assessment.Id}";
                var (kind, data) = assessment.Grading switch
                {
                    Core.Curriculum.Model.Grading.Quiz => (
                        LearnerEventKinds.QuizSubmitted,
                        new JsonObject { ["percent"] = 100, ["counted"] = true }
                    ),
                    Core.Curriculum.Model.Grading.Auto => (
                        LearnerEventKinds.LabGraded,
                        new JsonObject
                        {
                            ["score"] = 1,
                            ["max_score"] = 1,
                            ["passed"] = true,
                        }
                    ),
                    _ => (LearnerEventKinds.ReviewApproved, new JsonObject { ["by"] = "grace" }),
                };
                await harness.History.AppendAsync(Repository, kind, key, data.ToJsonString(), CancellationToken.None);
            }
        }

        // The peer review path 1 asks for (passing.path.peer_review), given earlier.
        await harness.History.AppendAsync(
            Repository,
            LearnerEventKinds.PeerReviewGiven,
            "capstone-background-processing",
            LearnerEventJson.Write(new PeerReviewGiven("academy/celery-bob", 3, 7001, DateTimeOffset.UnixEpoch, null)),
            CancellationToken.None
        );
        await harness.Inbox.TryEnqueueAsync(QueuedLearnerChanges.Sync(Repository, "caught-up"), CancellationToken.None);
        await harness.IdleAsync();
        Assert.Contains("11 of 12 Path 1 modules passed", harness.GitHub.ReadFile(Repository, "README.md"), StringComparison.Ordinal);

        var exam = course.FindModule("course-review")!;
        await script.StepAsync(script.Comment(12, "ada", "/quiz"));
        Assert.Contains(
            "50 questions, 90 minutes, pass mark 85 %",
            harness.GitHub.CommentsOn(Repository, script.ModuleIssue(12))[^1].Body,
            StringComparison.Ordinal
        );
        var failed = await SubmitAsync(harness, exam, correct: 42);
        Assert.Contains("42 / 50", harness.GitHub.CommentsOn(Repository, failed).Single().Body, StringComparison.Ordinal);
        Assert.Contains(
            "Not passed yet (pass mark 85 %)",
            harness.GitHub.CommentsOn(Repository, failed).Single().Body,
            StringComparison.Ordinal
        );
        Assert.Equal("open", harness.GitHub.Issue(Repository, script.ModuleIssue(12))!.State);

        await script.StepAsync(script.Comment(12, "ada", "/quiz"));
        var passed = await SubmitAsync(harness, exam, correct: 43);
        Assert.Contains("43 / 50", harness.GitHub.CommentsOn(Repository, passed).Single().Body, StringComparison.Ordinal);
        Assert.Equal("closed", harness.GitHub.Issue(Repository, script.ModuleIssue(12))!.State);

        var readme = harness.GitHub.ReadFile(Repository, "README.md")!;
        Assert.Contains("12 of 12 Path 1 modules passed ✅", readme, StringComparison.Ordinal);
        Assert.Contains(
            "![Certificate of Completion: Path 1, Celery Fundamentals](badges/certificate-completion-fundamentals.svg)",
            readme,
            StringComparison.Ordinal
        );
        Assert.Contains(
            "Certificate of Completion",
            harness.GitHub.ReadFile(Repository, "badges/certificate-completion-fundamentals.svg"),
            StringComparison.Ordinal
        );
        Assert.Single(await harness.History.ReadAsync(Repository, CancellationToken.None), e =>
            e.Kind == LearnerEventKinds.CertificateIssued && e.Subject == "completion-fundamentals"
        );
        Assert.Contains(harness.GitHub.State.Repos[Repository].Issues, i =>
            i.Title.StartsWith("Module 13:", StringComparison.Ordinal) && i.State == "open"
        );
    }

    /// <summary>The exam form with the first <paramref name="correct"/> answers from the key and the rest wrong.</summary>
    private static async Task<int> SubmitAsync(JourneyHarness harness, Module exam, int correct)
    {
        var assessment = exam.Assessments.Single(a => a.Id == "final-exam");
        var quiz = exam.Quizzes.Single(q => q.AssessmentId == "final-exam");
        var yaml = harness.GitHub.ReadFile(Repository, QuizFormWriter.Write(exam, assessment, quiz).Path)!;
        var form = IssueForm.Parse(yaml);
        var right = QuizAnswers.FromKey(quiz, form);
        var wrong = QuizAnswers.AllWrong(quiz, form);
        var fields = QuizAnswers.AnswerFields(form);
        var answers = fields.Select((f, i) => (f.Id!, i < correct ? right[f.Id!] : wrong[f.Id!])).ToDictionary(p => p.Item1, p => p.Item2);
        var body = IssueFormRenderer.Render(yaml, answers);
        var opened = harness.GitHub.OpenIssueAs(Repository, "ada", "[Quiz] final exam", body, LabelNames.Quiz);
        await harness.SendAsync(harness.IssueOpened(Repository, opened.Number, "ada", "[Quiz] final exam", body, LabelNames.Quiz));
        await harness.IdleAsync();
        return opened.Number;
    }
}
