using CourseBot.Core.Journey;
using CourseBot.Core.Journey.Forms;
using CourseBot.Core.Journey.History;
using CourseBot.Core.Journey.Quizzes;
using CourseBot.Core.Journey.Sync;
using CourseBot.Core.Journey.Writing;
using CourseBot.Tests.Infrastructure;

namespace CourseBot.Tests.Journey;

/// <summary>
/// Every text a learner or instructor reads, written for a learner of <c>Fixtures/minimal</c> on a fixed
/// clock and compared byte for byte with its file in <c>tests/CourseBot.Tests/Golden</c>
/// (<c>UPDATE_GOLDEN=1</c> rewrites them). The other tests check behaviour; these check the wording.
/// </summary>
public sealed class LearnerTextsGoldenTests
{
    [Fact]
    public void EnrollmentReplies()
    {
        var learner = new MiniLearner();
        Golden.AssertMatches("enrollment-welcome.md", EnrollmentReplyWriter.Welcome(Course, learner.Ledger));
        Golden.AssertMatches("enrollment-already-enrolled.md", EnrollmentReplyWriter.AlreadyEnrolled(Course, learner.Ledger, "ada"));
        const string BadForm = "### Path\n\nPath 7: Rust\n\n### Pace\n\nleisurely\n\n### Start date\n\ntomorrow";
        var (request, problems) = EnrollmentRequest.FromForm(Course, "ada", BadForm, learner.Today, "part-time");
        Assert.Null(request);
        Golden.AssertMatches("enrollment-not-understood.md", EnrollmentReplyWriter.NotUnderstood("ada", problems));
        Golden.AssertMatches("enrollment-setup-broken.md", EnrollmentReplyWriter.SetupBroken("ada"));
    }

    [Fact]
    public void EnrollmentRefusal_OfANonMember_UnderOrgMembers()
    {
        Assert.Equal(EnrollmentPolicy.OrgMembers, new JourneyOptions().EnrollmentPolicy);
        var refusal = EnrollmentReplyWriter.Refused("ada", EnrollmentGate.NotAMember("academy"));
        Golden.AssertMatches("enrollment-refused-not-a-member.md", refusal);
    }

    [Fact]
    public void CommandReplies_HelpAndQuizStart()
    {
        var learner = new MiniLearner().Quiz("first/quiz", 60).Lab(tasks: 4);
        Golden.AssertMatches("help-reply.md", HelpReplyWriter.Write(learner.Progress, "first"));
        var module = Course.FindModule("first")!;
        var assessment = module.Assessments.Single(a => a.Id == "quiz");
        var questions = module.Quizzes.Single(q => q.AssessmentId == "quiz").Questions.Length;
        var limit = TimeSpan.FromMinutes(assessment.TimeLimitMinutes ?? 30);
        var form = $"{MiniLearner.Url}/issues/new?template=quiz-01-quiz.yml";
        var pass = QuizLocator.PassPercent(Course, assessment);
        var deadline = learner.Time.GetUtcNow() + limit;
        var reply = QuizStartReplyWriter.Started(assessment.Title, questions, limit, pass, form, deadline);
        Golden.AssertMatches("quiz-start-reply.md", reply);
    }

    [Fact]
    public void ModuleInProgress_ReadmeIssueAndResults()
    {
        var learner = new MiniLearner().Quiz("first/quiz", 100).Lab(tasks: 4);
        var progress = learner.Progress;
        var files = new ProgressFiles(Course, progress, learner.Ledger.ModuleIssues, learner.Today);
        Golden.AssertMatches("readme-in-progress.md", files.Section);
        Golden.AssertMatches("module-issue-in-progress.md", ModuleIssueWriter.Body(Course, progress.Module("first")!));
        var latest = new Dictionary<string, LabGraded> { ["first/first-lab"] = LatestRun(learner) };
        Golden.AssertMatches("results-comment-failed.md", ResultsCommentWriter.Write(Course.FindModule("first")!, latest, Url));
    }

    [Fact]
    public void ModulePassed_CongratulationsReadmeIssueAndResults()
    {
        var learner = new MiniLearner().Quiz("first/quiz", 100).Lab(tasks: 4).Lab(tasks: 6);
        var progress = learner.Progress;
        var issues = learner.Ledger.ModuleIssues;
        Golden.AssertMatches("congratulations-module-1.md", CongratulationWriter.Write(progress, progress.Module("first")!, issues));
        Golden.AssertMatches("readme-module-1-passed.md", new ProgressFiles(Course, progress, issues, learner.Today).Section);
        Golden.AssertMatches("module-issue-passed.md", ModuleIssueWriter.Body(Course, progress.Module("first")!));
        Golden.AssertMatches("module-issue-open.md", ModuleIssueWriter.Body(Course, progress.Module("second")!));
        var latest = new Dictionary<string, LabGraded> { ["first/first-lab"] = LatestRun(learner) };
        Golden.AssertMatches("results-comment-passed.md", ResultsCommentWriter.Write(Course.FindModule("first")!, latest, Url));
    }

    [Fact]
    public void PathComplete_CertificateInTheReadmeAndItsBadge()
    {
        var learner = new MiniLearner().Quiz("first/quiz", 100).Lab(tasks: 6).Quiz("second/final-exam", 90);
        var progress = learner.Progress;
        var certificate = Assert.Single(progress.Certificates);
        var files = new ProgressFiles(Course, progress, learner.Ledger.ModuleIssues, learner.Today);
        var congratulations = CongratulationWriter.Write(progress, progress.Module("second")!, learner.Ledger.ModuleIssues);
        Golden.AssertMatches("congratulations-path-complete.md", congratulations);
        Golden.AssertMatches("readme-certified.md", files.Section);
        Golden.AssertMatches("certificate-completion-basics.svg", files.Others[ProgressReadmeWriter.CertificatePath(certificate)]);
        Golden.AssertMatches("badge-path-1-complete.svg", files.Others[ProgressReadmeWriter.BadgePath("basics")]);
    }

    [Fact]
    public void QuizFormAndFeedback()
    {
        var module = Course.FindModule("first")!;
        var assessment = module.Assessments.Single(a => a.Id == "quiz");
        var quiz = module.Quizzes.Single(q => q.AssessmentId == "quiz");
        // The form of a first attempt, its options in that attempt's order, as /quiz commits it.
        var shuffle = OptionOrder.KeyFor(MiniLearner.Repository, "first/quiz", 1);
        var form = QuizFormWriter.Write(module, assessment, quiz, shuffle: shuffle);
        Assert.Equal(".github/ISSUE_TEMPLATE/quiz-01-quiz.yml", form.Path);
        Golden.AssertMatches("quiz-form.yml", form.Yaml);

        var parsed = IssueForm.Parse(form.Yaml);
        var wrong = Graded(quiz, form.Yaml, QuizAnswers.AllWrong(quiz, parsed), shuffle);
        Golden.AssertMatches("quiz-feedback-failed.md", QuizFeedbackWriter.Write(wrong, 80, showExplanations: false, attempt: 1,
            "Not passed yet (pass mark 80 %). You can retake it from 2026-12-11 09:00 UTC with `/quiz` in #1."));
        var right = Graded(quiz, form.Yaml, QuizAnswers.FromKey(quiz, parsed), shuffle);
        Golden.AssertMatches("quiz-feedback-passed.md", QuizFeedbackWriter.Write(right, 80, showExplanations: true, attempt: 2,
            "✅ Passed: the quiz box in #1 is ticked."));
    }

    [Fact]
    public void PlacementIssueAndForm()
    {
        var placement = PlacementQuiz.For(Course, Course.FindPath("special")!)!;
        Golden.AssertMatches("placement-issue.md", PlacementIssueWriter.Body(Course, placement));
        Golden.AssertMatches("placement-form.yml", QuizFormWriter.Write(placement.Module, placement.Assessment, placement.Quiz).Yaml);
    }

    [Fact]
    public void Golden_FailsOnAChangedText_WithADiffAndTheUpdateCommand()
    {
        var learner = new MiniLearner();
        var welcome = EnrollmentReplyWriter.Welcome(Course, learner.Ledger);
        var changed = welcome.Replace("Accept the invitation", "Accept the invite", StringComparison.Ordinal);
        if (Environment.GetEnvironmentVariable("UPDATE_GOLDEN") == "1")
        {
            return; // rewriting: a changed text would be written, not compared
        }

        var failure = Assert.ThrowsAny<Xunit.Sdk.XunitException>(() => Golden.AssertMatches("enrollment-welcome.md", changed));
        Assert.Contains("-1. Accept the invitation", failure.Message, StringComparison.Ordinal);
        Assert.Contains("+1. Accept the invite to", failure.Message, StringComparison.Ordinal);
        Assert.Contains("UPDATE_GOLDEN=1 dotnet test", failure.Message, StringComparison.Ordinal);
        Assert.Throws<Xunit.Sdk.FailException>(() => Golden.AssertMatches("enrollment-welcome.md", welcome + "\n"));
    }

    private static Core.Curriculum.Model.Course Course => MiniLearner.Course;

    private static string Url => MiniLearner.Url;

    private static QuizResult Graded(
        Core.Curriculum.Model.Quiz quiz,
        string yaml,
        Dictionary<string, IReadOnlyList<string>> answers,
        string shuffle
    ) => QuizGrader.Grade(quiz, QuizSubmissionParser.Parse(IssueFormRenderer.Render(yaml, answers)), shuffle);

    private static LabGraded LatestRun(MiniLearner learner) =>
        learner.Ledger.Events.Select(LearnerEventJson.Read<LabGraded>).Last(r => r is not null)!;
}
