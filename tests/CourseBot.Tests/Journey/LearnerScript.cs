using CourseBot.Core.Journey.Quizzes;
using CourseBot.Core.Journey.Writing;

namespace CourseBot.Tests.Journey;

/// <summary>What the learner, and their instructor, do: step by step, each step's webhooks sent (twice, shuffled, when asked) before
/// waiting for the bot.</summary>
internal sealed class LearnerScript(JourneyHarness harness, bool duplicate, int seed)
{
    private const string Learner = "ada";
    private const string Repository = "academy/celery-ada";
    private readonly Random _random = new(seed);
    private readonly Dictionary<string, int> _moduleIssues = [];

    private GitHubEmulator.GitHubEmulator GitHub => harness.GitHub;

    public async Task<CallCounts> RunAsync()
    {
        // Enrollment through the course repository's issue form.
        var calls = Calls();
        var enroll = await EnrollAsync();
        var enrollment = Calls() - calls;
        var reply = GitHub.CommentsOn(JourneyHarness.CourseRepository, enroll).Single();
        Assert.Contains("Welcome, @ada", reply.Body, StringComparison.Ordinal);
        Assert.Equal("closed", GitHub.Issue(JourneyHarness.CourseRepository, enroll)!.State);

        // Module 1: quiz, and two reviews an instructor approves.
        await QuizAsync("intro-distributed-processing", 1, allCorrect: true,
            Comment(1, "grace", "/approve docker-environment-exercise"), Comment(1, "grace", "/approve async-use-cases-check"));

        // Module 2: fail the quiz, push both labs (one graded push that does not complete the module), retake the quiz.
        await QuizAsync("first-celery-app", 2, allCorrect: false);
        var push = GitHub.Push(
            Repository,
            new Dictionary<string, string>
            {
                ["labs/first-celery-app/first-app-lab/tasks.py"] = "from celery import Celery\napp = Celery('tasks')\n",
            }
        );
        await StepAsync(harness.Pushed(Repository, Learner, push, "labs/first-celery-app/first-app-lab/tasks.py"));
        calls = Calls();
        Assert.Equal(201, await harness.GradeAsync(Repository, "first-celery-app/first-app-lab", push.After, passed: false));
        await harness.IdleAsync();
        var gradedPush = Calls() - calls;
        Assert.Equal(201, await harness.GradeAsync(Repository, "first-celery-app/first-app-lab", push.After, passed: true));
        Assert.Equal(201, await harness.GradeAsync(Repository, "first-celery-app/sync-async-exercise", push.After, passed: true));
        await harness.IdleAsync();
        var start = Comment(2, Learner, "/quiz"); // the learner's comment is theirs, not the bot's call
        calls = Calls();
        await StepAsync(start);
        var quizStart = Calls() - calls; // the reply, and the attempt's form committed
        calls = Calls();
        var retake = await SubmitQuizAsync("first-celery-app", 2, allCorrect: true);
        var quizCompletion = Calls() - calls; // feedback, closing the quiz, then the module's completion
        Assert.Contains("100 %", GitHub.CommentsOn(Repository, retake).Single().Body, StringComparison.Ordinal);

        // Module 3: one lab, the instructor's approval and the quiz; the second lab's passing run completes the module.
        var push3 = GitHub.Push(
            Repository,
            new Dictionary<string, string>
            {
                ["labs/brokers-and-backends/redis-lab/celeryconfig.py"] = "broker_url = 'redis://'\n",
                ["README.md"] =
                    "# My Celery course\n\nNotes of my own.\n\n" + GitHub.ReadFile(Repository, "README.md")!.Split("\n\n", 2)[1],
            }
        );
        await StepAsync(harness.Pushed(Repository, Learner, push3, "README.md", "labs/brokers-and-backends/redis-lab/celeryconfig.py"));
        Assert.Equal(201, await harness.GradeAsync(Repository, "brokers-and-backends/redis-lab", push3.After, passed: true));
        await harness.IdleAsync();
        await StepAsync(Comment(3, "grace", "/approve broker-performance-exercise"));
        await QuizAsync("brokers-and-backends", 3, allCorrect: true);
        calls = Calls();
        Assert.Equal(201, await harness.GradeAsync(Repository, "brokers-and-backends/rabbitmq-lab", push3.After, passed: true));
        await harness.IdleAsync();
        var pushCompletion = Calls() - calls;
        Assert.Contains("Notes of my own.", GitHub.ReadFile(Repository, "README.md"), StringComparison.Ordinal);
        return new CallCounts(enrollment, gradedPush, pushCompletion, quizCompletion, quizStart);
    }

    /// <summary>The learner opens the course repository's Enroll form with path 1 and the part-time pace. Returns the Enroll issue's
    /// number.</summary>
    public async Task<int> EnrollAsync(string login = Learner)
    {
        const string Body =
            "### Path\n\nPath 1: Celery Fundamentals\n\n### Pace\n\nPart-time (most learners)\n\n### Start date\n\n2026-12-01";
        var enroll = GitHub.OpenIssueAs(JourneyHarness.CourseRepository, login, "[Enroll] " + login, Body, "enroll");
        await StepAsync(harness.IssueOpened(JourneyHarness.CourseRepository, enroll.Number, login, "[Enroll] " + login, Body, "enroll"));
        return enroll.Number;
    }

    /// <summary>
    /// <c>/quiz</c> in the module issue, then the form submitted with the key's answers (or all wrong), plus any other webhooks
    /// of the step. The form is in the repository only in between.
    /// </summary>
    public async Task QuizAsync(string moduleId, int number, bool allCorrect, params (string Event, string Payload)[] alongside)
    {
        var path = FormPath(moduleId);
        Assert.Null(GitHub.ReadFile(Repository, path));
        await StepAsync(Comment(number, Learner, "/quiz"));
        Assert.NotNull(GitHub.ReadFile(Repository, path));
        var opened = await SubmitQuizAsync(moduleId, number, allCorrect, Learner, alongside);
        Assert.Null(GitHub.ReadFile(Repository, path));
        var feedback = GitHub.CommentsOn(Repository, opened).Single();
        Assert.Contains(allCorrect ? "100 %" : "0 %", feedback.Body, StringComparison.Ordinal);
        Assert.Equal("closed", GitHub.Issue(Repository, opened)!.State);
    }

    /// <summary>
    /// A quiz form submitted (by <paramref name="author"/>); returns the quiz issue's number. The form is the one in the
    /// repository, or with none there (no attempt open) one in the authored order, as a copy kept from git history would be.
    /// </summary>
    public async Task<int> SubmitQuizAsync(
        string moduleId,
        int number,
        bool allCorrect,
        string author = Learner,
        params (string Event, string Payload)[] alongside
    )
    {
        var module = CeleryCourse.Course.FindModule(moduleId)!;
        var assessment = module.Assessments.First(a => a.Id == "quiz");
        var quiz = module.Quizzes.Single(q => q.AssessmentId == "quiz");
        var yaml = GitHub.ReadFile(Repository, FormPath(moduleId)) ?? QuizFormWriter.Write(module, assessment, quiz).Yaml;
        var form = IssueForm.Parse(yaml);
        var body = IssueFormRenderer.Render(yaml, allCorrect ? QuizAnswers.FromKey(quiz, form) : QuizAnswers.AllWrong(quiz, form));
        var title = $"[Quiz] Module {number:00}: {assessment.Title}";
        var opened = GitHub.OpenIssueAs(Repository, author, title, body, LabelNames.Quiz);
        await StepAsync([harness.IssueOpened(Repository, opened.Number, author, title, body, LabelNames.Quiz), .. alongside]);
        return opened.Number;
    }

    public static string FormPath(string moduleId)
    {
        var module = CeleryCourse.Course.FindModule(moduleId)!;
        var quiz = module.Quizzes.Single(q => q.AssessmentId == "quiz");
        return QuizFormWriter.Write(module, module.Assessments.First(a => a.Id == "quiz"), quiz).Path;
    }

    public (string Event, string Payload) Comment(int module, string user, string body)
    {
        var issue = ModuleIssue(module);
        var id = GitHub.CommentAs(Repository, issue, user, body);
        return harness.Comment(Repository, issue, id, user, body);
    }

    public int ModuleIssue(int module)
    {
        var prefix = $"Module {module:00}:";
        var issue = GitHub.State.Repos[Repository].Issues.Single(i => i.Title.StartsWith(prefix, StringComparison.Ordinal));
        return _moduleIssues[prefix] = issue.Number;
    }

    public async Task StepAsync(params (string Event, string Payload)[] webhooks)
    {
        var deliveries = duplicate ? webhooks.Concat(webhooks).OrderBy(_ => _random.Next()).ToList() : [.. webhooks];
        foreach (var webhook in deliveries)
        {
            await harness.SendAsync(webhook);
        }

        await harness.IdleAsync();
    }

    private int Calls() => GitHub.Calls.Where(c => !c.Key.EndsWith("/access_tokens", StringComparison.Ordinal)).Sum(c => c.Value);
}
