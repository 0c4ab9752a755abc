using CourseBot.Core.Journey.History;
using CourseBot.Core.Journey.Writing;
using CourseBot.Tests.Infrastructure;

namespace CourseBot.Tests.Journey;

/// <summary>What learners and instructors do that the happy path does not: late, unstarted, foreign and edited quizzes, commands,
/// re-enrollment.</summary>
[Collection(JourneyGroup.Name)]
public sealed class JourneyEdgeTests
{
    private const string Repository = "academy/celery-ada";

    [Fact]
    public async Task Quiz_NotStarted_LateAndByAnotherUser_AreAnsweredAndNotCounted()
    {
        await using var harness = await JourneyHarness.StartAsync();
        var script = new LearnerScript(harness, duplicate: false, seed: 3);
        await script.EnrollAsync();

        var unstarted = await script.SubmitQuizAsync("intro-distributed-processing", 1, allCorrect: true);
        Assert.Contains("was not started", harness.GitHub.CommentsOn(Repository, unstarted).Single().Body, StringComparison.Ordinal);
        Golden.AssertMatches("quiz-not-started.md", harness.GitHub.CommentsOn(Repository, unstarted).Single().Body);

        await script.StepAsync(script.Comment(1, "grace", "/quiz"));
        Golden.AssertMatches("quiz-start-refused.md", harness.GitHub.CommentsOn(Repository, script.ModuleIssue(1))[^1].Body);
        Assert.DoesNotContain(await harness.History.ReadAsync(Repository, CancellationToken.None), e => e.Kind == "quiz-started");
        await script.StepAsync(script.Comment(1, "ada", "/quiz"));
        var foreign = await script.SubmitQuizAsync("intro-distributed-processing", 1, allCorrect: true, author: "mallory");
        Golden.AssertMatches("quiz-submission-foreign.md", harness.GitHub.CommentsOn(Repository, foreign).Single().Body);

        harness.Time.Offset = TimeSpan.FromMinutes(45); // the quiz allows 20 minutes
        var late = await script.SubmitQuizAsync("intro-distributed-processing", 1, allCorrect: true);
        Assert.Contains(
            "recorded as late, **not counted**",
            harness.GitHub.CommentsOn(Repository, late).Single().Body,
            StringComparison.Ordinal
        );

        var history = await harness.History.ReadAsync(Repository, CancellationToken.None);
        var recorded = Assert.Single(history, e => e.Kind == LearnerEventKinds.QuizSubmitted);
        Assert.True(LearnerEventJson.Read<QuizSubmitted>(recorded)!.Late);
        Assert.Contains("🔵 open", harness.GitHub.ReadFile(Repository, "README.md"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ALateAttempt_StartsTheCooldown_LikeAFailedOne()
    {
        await using var harness = await JourneyHarness.StartAsync(
            new Dictionary<string, string?> { ["CourseBot:Journey:QuizCooldown"] = "02:00:00" }
        );
        harness.Time.Start = new DateTimeOffset(2026, 12, 7, 9, 0, 0, TimeSpan.Zero); // the replies name times: a standing clock
        var script = new LearnerScript(harness, duplicate: false, seed: 5);
        await script.EnrollAsync();
        await script.StepAsync(script.Comment(1, "ada", "/quiz"));

        harness.Time.Offset = TimeSpan.FromMinutes(45); // the quiz allows 20 minutes
        var late = await script.SubmitQuizAsync("intro-distributed-processing", 1, allCorrect: true);
        var lateFeedback = harness.GitHub.CommentsOn(Repository, late).Single().Body;
        Golden.AssertMatches("quiz-feedback-late.md", lateFeedback);
        Assert.Contains("You can start a new attempt from", lateFeedback, StringComparison.Ordinal);
        Assert.DoesNotContain("✅", lateFeedback, StringComparison.Ordinal); // all right, but late: no marks to keep for a retake
        var formPath = LearnerScript.FormPath("intro-distributed-processing");
        Assert.Null(harness.GitHub.ReadFile(Repository, formPath)); // the late attempt ended: its form is gone
        var firstForm = FormAt(harness.GitHub, Repository, formPath);

        await script.StepAsync(script.Comment(1, "ada", "/quiz"));
        Golden.AssertMatches("quiz-cooldown-reply.md", harness.GitHub.CommentsOn(Repository, script.ModuleIssue(1))[^1].Body);
        Assert.Single(await harness.History.ReadAsync(Repository, CancellationToken.None), e => e.Kind == "quiz-started");

        harness.Time.Offset = TimeSpan.FromMinutes(45) + TimeSpan.FromHours(2);
        await script.StepAsync(script.Comment(1, "ada", "/quiz"));
        Assert.Contains("has started", harness.GitHub.CommentsOn(Repository, script.ModuleIssue(1))[^1].Body, StringComparison.Ordinal);
        Assert.Equal(2, (await harness.History.ReadAsync(Repository, CancellationToken.None)).Count(e => e.Kind == "quiz-started"));
        await script.StepAsync(script.Comment(1, "ada", "/quiz"));
        Golden.AssertMatches("quiz-already-open-reply.md", harness.GitHub.CommentsOn(Repository, script.ModuleIssue(1))[^1].Body);
        Assert.Equal(2, (await harness.History.ReadAsync(Repository, CancellationToken.None)).Count(e => e.Kind == "quiz-started"));

        // The new attempt's form asks the same questions with the options in another order.
        var secondForm = harness.GitHub.ReadFile(Repository, formPath)!;
        Assert.NotEqual(firstForm, secondForm);
        Assert.Equal(OptionTexts(firstForm), OptionTexts(secondForm));

        var failed = harness
            .GitHub.CommentsOn(Repository, await script.SubmitQuizAsync("intro-distributed-processing", 1, allCorrect: false))
            .Single()
            .Body;
        Assert.Contains("not passed yet", failed, StringComparison.Ordinal);
        Assert.DoesNotContain("❌", failed, StringComparison.Ordinal);
        Assert.DoesNotContain("✅", failed, StringComparison.Ordinal);
        Assert.Contains("Topics to review before your next attempt:", failed, StringComparison.Ordinal);
    }

    /// <summary>The form as it was in the commit before the one that removed it (git history keeps it, as a learner could find).</summary>
    private static string FormAt(GitHubEmulator.GitHubEmulator github, string repository, string path)
    {
        lock (github.State.Gate)
        {
            var repo = github.State.Repos[repository];
            var commits = github.State.Commits;
            for (var commit = commits[repo.Refs[repo.DefaultBranch]]; commit.Parent is { } parent; commit = commits[parent])
            {
                if (github.State.Trees[commit.Tree].TryGetValue(path, out var blob))
                {
                    return System.Text.Encoding.UTF8.GetString(github.State.Blobs[blob]);
                }
            }
        }

        Assert.Fail($"{path} is in no commit of {repository}");
        return "";
    }

    /// <summary>Every option label of a form without its letter, in order: the same set in another order means shuffled.</summary>
    private static List<string> OptionTexts(string yaml) =>
        [.. IssueForm.Parse(yaml).Fields.SelectMany(f => f.Options)
            .Select(o => System.Text.RegularExpressions.Regex.Replace(o, "^[a-z]\\) ", "")).Order(StringComparer.Ordinal)];

    [Fact]
    public async Task Commands_HelpRecheck_AndInstructorOnlyApproval()
    {
        await using var harness = await JourneyHarness.StartAsync();
        var script = new LearnerScript(harness, duplicate: false, seed: 4);
        await script.EnrollAsync();
        var issue = script.ModuleIssue(1);

        await script.StepAsync(script.Comment(1, "ada", "/help"));
        var help = harness.GitHub.CommentsOn(Repository, issue)[^1].Body;
        Assert.Contains("Set up Docker development environment", help, StringComparison.Ordinal);
        Assert.Contains("comment `/quiz` to start it", help, StringComparison.Ordinal);

        await script.StepAsync(script.Comment(1, "ada", "/recheck"));
        Assert.Equal((Repository, "grade.yml", "main"), Assert.Single(harness.GitHub.Dispatches));
        Golden.AssertMatches("recheck-reply.md", harness.GitHub.CommentsOn(Repository, issue)[^1].Body);

        // A learner cannot approve their own review; an instructor (team member) can.
        await script.StepAsync(script.Comment(1, "ada", "/approve docker-environment-exercise"));
        Golden.AssertMatches("approve-refused.md", harness.GitHub.CommentsOn(Repository, issue)[^1].Body);
        Assert.DoesNotContain(await harness.History.ReadAsync(Repository, CancellationToken.None), e =>
            e.Kind == LearnerEventKinds.ReviewApproved
        );
        await script.StepAsync(script.Comment(1, "grace", "/approve docker-environment-exercise"));
        Assert.Single(await harness.History.ReadAsync(Repository, CancellationToken.None), e => e.Kind == LearnerEventKinds.ReviewApproved);
        Assert.Contains(
            "- [x] **Set up Docker development environment**",
            harness.GitHub.Issue(Repository, issue)!.Body,
            StringComparison.Ordinal
        );

        // The other replies to these commands, each compared with its golden file.
        (string User, string Command, string Golden)[] replies =
        [
            ("grace", "/approve docker-environment-exercise", "approve-already-approved.md"),
            ("grace", "/approve nothing", "approve-usage.md"),
            ("grace", "/place nowhere", "place-usage.md"),
            ("ada", "/quiz nothing", "quiz-no-such-quiz.md"),
            ("grace", "/waive-peer-review", "peer-review-waived.md"),
            ("grace", "/waive-peer-review", "peer-review-already-waived.md"),
        ];
        foreach (var (user, command, golden) in replies)
        {
            await script.StepAsync(script.Comment(1, user, command));
            Golden.AssertMatches(golden, harness.GitHub.CommentsOn(Repository, issue)[^1].Body);
        }
    }

    [Fact]
    public async Task CommandsOutsideAModuleIssue_APassedQuiz_AndAnUnknownSubmission_GetTheirReplies()
    {
        await using var harness = await JourneyHarness.StartAsync();
        var script = new LearnerScript(harness, duplicate: false, seed: 5);
        await script.EnrollAsync();
        var question = harness.GitHub.OpenIssueAs(Repository, "ada", "A question", "Where do I start?");

        await CommentOn(question.Number, "ada", "/quiz");
        Golden.AssertMatches("quiz-outside-module-issue.md", harness.GitHub.CommentsOn(Repository, question.Number)[^1].Body);
        await CommentOn(question.Number, "grace", "/waive-peer-review");
        Golden.AssertMatches("command-outside-module-issue.md", harness.GitHub.CommentsOn(Repository, question.Number)[^1].Body);

        await script.QuizAsync("intro-distributed-processing", 1, allCorrect: true);
        await script.StepAsync(script.Comment(1, "ada", "/quiz"));
        Golden.AssertMatches("quiz-already-passed.md", harness.GitHub.CommentsOn(Repository, script.ModuleIssue(1))[^1].Body);

        const string Title = "[Quiz] Module 01: something";
        const string Body = "### Answer\n\nI think it is a broker.";
        var unknown = harness.GitHub.OpenIssueAs(Repository, "ada", Title, Body, LabelNames.Quiz);
        await script.StepAsync(harness.IssueOpened(Repository, unknown.Number, "ada", Title, Body, LabelNames.Quiz));
        Golden.AssertMatches("quiz-unknown-submission.md", harness.GitHub.CommentsOn(Repository, unknown.Number).Single().Body);

        // A quiz of a module not open yet: its form submitted (from git history) gets the "not open" reply.
        var later = CeleryCourse.Course.Modules.Last(m => m.Capstone is null && m.Quizzes.Any(q => q.AssessmentId == "quiz"));
        var notOpen = await script.SubmitQuizAsync(later.Id, later.Number, allCorrect: true);
        Golden.AssertMatches("quiz-submission-module-not-open.md", harness.GitHub.CommentsOn(Repository, notOpen).Single().Body);

        async Task CommentOn(int issue, string user, string body)
        {
            var id = harness.GitHub.CommentAs(Repository, issue, user, body);
            await script.StepAsync(harness.Comment(Repository, issue, id, user, body));
        }
    }

    [Fact]
    public async Task EnrollingTwice_ChangesNothing_AndABadFormGetsAHelpfulAnswer()
    {
        await using var harness = await JourneyHarness.StartAsync();
        var script = new LearnerScript(harness, duplicate: false, seed: 5);
        await script.EnrollAsync();
        var calls = harness.GitHub.TotalCalls;
        var again = await script.EnrollAsync();
        Assert.Contains(
            "already enrolled",
            harness.GitHub.CommentsOn(JourneyHarness.CourseRepository, again).Single().Body,
            StringComparison.Ordinal
        );
        Assert.Single(await harness.History.ReadAsync(Repository, CancellationToken.None), e => e.Kind == LearnerEventKinds.Enrolled);
        Assert.Single(harness.GitHub.State.Repos[Repository].Issues);
        Assert.True(harness.GitHub.TotalCalls - calls <= 3, $"re-enrollment made {harness.GitHub.TotalCalls - calls} calls");

        var bad = harness.GitHub.OpenIssueAs(
            JourneyHarness.CourseRepository,
            "bob",
            "[Enroll] bob",
            "### Path\n\nPath 9\n\n### Pace\n\n_No response_\n\n### Start date\n\nnext monday",
            "enroll"
        );
        await script.StepAsync(
            harness.IssueOpened(
                JourneyHarness.CourseRepository,
                bad.Number,
                "bob",
                "[Enroll] bob",
                harness.GitHub.Issue(JourneyHarness.CourseRepository, bad.Number)!.Body!,
                "enroll"
            )
        );
        var answer = harness.GitHub.CommentsOn(JourneyHarness.CourseRepository, bad.Number).Single().Body;
        Assert.Contains("choose a path", answer, StringComparison.Ordinal);
        Assert.Contains("YYYY-MM-DD", answer, StringComparison.Ordinal);
        Assert.Equal("open", harness.GitHub.Issue(JourneyHarness.CourseRepository, bad.Number)!.State);
        Assert.False(harness.GitHub.State.Repos.ContainsKey("academy/celery-bob"));
    }

    [Fact]
    public async Task EditedQuiz_GetsOneReply_AndKeepsItsFirstGrade()
    {
        await using var harness = await JourneyHarness.StartAsync();
        var script = new LearnerScript(harness, duplicate: false, seed: 6);
        await script.EnrollAsync();
        await script.StepAsync(script.Comment(1, "ada", "/quiz"));
        var quiz = await script.SubmitQuizAsync("intro-distributed-processing", 1, allCorrect: false);
        var edited = JourneyHarness.Webhook("issues", "edited", Repository, p =>
        {
            p["installation"]!["id"] = harness.Installation;
            p["issue"]!["number"] = quiz;
            p["issue"]!["body"] = "### Quiz\n\nintro-distributed-processing/quiz\n\n### Answer 1\n\nb) all right now";
            p["sender"]!["login"] = "ada";
            p["sender"]!["type"] = "User";
        });
        await script.StepAsync(edited, edited);
        var comments = harness.GitHub.CommentsOn(Repository, quiz);
        Assert.Equal(2, comments.Count);
        Golden.AssertMatches("quiz-edited.md", comments[1].Body);
        Assert.Single(await harness.History.ReadAsync(Repository, CancellationToken.None), e => e.Kind == LearnerEventKinds.QuizSubmitted);
    }
}
