using System.Text.RegularExpressions;
using CourseBot.Core.Journey.History;
using CourseBot.Core.Journey.Quizzes;
using CourseBot.Core.Journey.Writing;

namespace CourseBot.Tests.Journey;

/// <summary>
/// The learner's journey end to end against the GitHub emulator: enroll through the issue form, get
/// a repository, pass modules 1 to 3 (quiz forms, lab results with signed grading-run tokens,
/// instructor approvals), fail a quiz and retake it. Run once in order, and once with every webhook
/// delivered twice and each step's webhooks shuffled: both end in the same state.
/// </summary>
[Collection(JourneyGroup.Name)]
public sealed class LearnerJourneyTests
{
    private const string Learner = "ada";
    private const string Repository = "academy/celery-ada";
    private static readonly string[] BotFiles = ["README.md", "badges/fundamentals.svg", "badges/professional.svg", ".github/ISSUE_TEMPLATE/quiz-04-quiz.yml"];

    [Fact]
    public async Task Learner_EnrollsAndPassesModulesOneToThree_ThenModuleFourIsOpen()
    {
        await using var harness = await JourneyHarness.StartAsync();
        var counts = await new LearnerScript(harness, duplicate: false, seed: 1).RunAsync();
        await AssertEndStateAsync(harness);

        // API calls per learner action, as counted by the emulator (installation-token requests excluded).
        Assert.True(counts.GradedPush <= 3, $"a graded push took {counts.GradedPush} calls");
        // Feedback, closing the quiz issue, the module issue, the congratulation, the next module's issue, README and badge
        // (tree, commit, ref), and removing the attempt's form (one Contents API delete).
        Assert.True(counts.QuizCompletion <= 9, $"a module completed by a quiz took {counts.QuizCompletion} calls");
        Assert.True(counts.PushCompletion <= 8, $"a module completed by a graded push took {counts.PushCompletion} calls");
        Assert.True(counts.QuizStart <= 2, $"/quiz took {counts.QuizStart} calls");
        Console.WriteLine($"GitHub API calls: enrollment {counts.Enrollment}, graded push {counts.GradedPush}, module completion by a graded push {counts.PushCompletion}, by a quiz {counts.QuizCompletion}, /quiz {counts.QuizStart}");
    }

    [Fact]
    public async Task EveryWebhookTwice_InShuffledOrder_EndsInTheSameState()
    {
        string plain;
        await using (var harness = await JourneyHarness.StartAsync())
        {
            await new LearnerScript(harness, duplicate: false, seed: 1).RunAsync();
            plain = await SnapshotAsync(harness);
        }

        await using var twice = await JourneyHarness.StartAsync();
        await new LearnerScript(twice, duplicate: true, seed: 7).RunAsync();
        await AssertEndStateAsync(twice);
        Assert.Equal(plain, await SnapshotAsync(twice));
    }

    /// <summary>What the learner sees and what is on record: issues, the repository's files the bot writes, learner events.</summary>
    private static async Task<string> SnapshotAsync(JourneyHarness harness)
    {
        var repo = harness.GitHub.State.Repos[Repository];
        var issues = repo.Issues.OrderBy(i => i.Number).Select(i => $"#{i.Number} {i.State} {i.Title} [{string.Join(",", i.Labels.Order(StringComparer.Ordinal))}] m{i.Milestone}\n{i.Body}");
        var files = BotFiles.Select(f => $"{f}:\n{harness.GitHub.ReadFile(Repository, f)}");
        var events = (await harness.History.ReadAsync(Repository, CancellationToken.None))
            .Where(e => !e.Kind.StartsWith("github.", StringComparison.Ordinal) && e.Kind != "quiz-started")
            .Select(e => $"{e.Kind} {e.Subject}").Order(StringComparer.Ordinal);
        var milestones = repo.Milestones.Select(m => $"{m.Number} {m.Title} {m.DueOn:yyyy-MM-dd}");
        return string.Join("\n", [.. issues, .. files, .. events, .. milestones]);
    }

    private static async Task AssertEndStateAsync(JourneyHarness harness)
    {
        var github = harness.GitHub;
        var issues = github.State.Repos[Repository].Issues;
        string[] modules = ["Module 01:", "Module 02:", "Module 03:", "Module 04:"];
        var moduleIssues = modules.Select(m => Assert.Single(issues, i => i.Title.StartsWith(m, StringComparison.Ordinal))).ToList();
        Assert.All(moduleIssues.Take(3), i => Assert.Equal("closed", i.State));
        Assert.Equal("open", moduleIssues[3].State);
        Assert.Contains(LabelNames.Passed, moduleIssues[0].Labels);
        Assert.Contains(LabelNames.Open, moduleIssues[3].Labels);
        Assert.DoesNotContain(issues, i => i.Title.StartsWith("Module 05:", StringComparison.Ordinal));
        Assert.DoesNotContain("- [ ]", moduleIssues[1].Body, StringComparison.Ordinal);

        var readme = github.ReadFile(Repository, "README.md")!;
        Assert.Contains("3 of 12 Path 1 modules passed", readme, StringComparison.Ordinal);
        Assert.StartsWith("# My Celery course", readme, StringComparison.Ordinal); // the learner's part is kept
        Assert.Matches(new Regex(@"\| 02 \| Your First Celery Application \(#\d+\) \| ✅ passed \| 100 % \| 17 / 17 \|"), readme);
        Assert.Matches(new Regex(@"\| 04 \| .* \| 🔵 open \| — \| — \|"), readme);
        Assert.NotNull(github.ReadFile(Repository, "badges/fundamentals.svg"));
        // Quiz forms come with /quiz and go when the attempt ends: none of an open module, none of a finished attempt.
        Assert.Null(github.ReadFile(Repository, ".github/ISSUE_TEMPLATE/quiz-04-quiz.yml"));
        Assert.DoesNotContain(github.Tree(Repository), p => p.StartsWith(QuizFormWriter.FormPrefix, StringComparison.Ordinal));

        // The failed run's traceback (a check's "detail") is in the record for instructors, never in what the learner reads.
        Assert.DoesNotContain(github.State.Repos[Repository].Comments.Values, c => c.Body.Contains("Traceback", StringComparison.Ordinal));
        Assert.DoesNotContain("Traceback", readme, StringComparison.Ordinal);

        // One results comment per module, updated in place; the failed quiz is on record, and was retaken.
        var module2 = moduleIssues[1];
        Assert.Single(github.CommentsOn(Repository, module2.Number), c => c.Body.StartsWith(ResultsCommentWriter.Marker, StringComparison.Ordinal));
        var congratulations = Assert.Single(github.CommentsOn(Repository, module2.Number), c => c.Body.StartsWith("🎉", StringComparison.Ordinal));
        Assert.Equal($"🎉 **Module 02 passed** (quiz 100 %, labs 17 / 17). Next: #{moduleIssues[2].Number} (Module 03: Understanding Brokers and Backends).", congratulations.Body);
        var history = await harness.History.ReadAsync(Repository, CancellationToken.None);
        Assert.Contains(history, e => e.Kind == LearnerEventKinds.LabGraded && e.Data.Contains("Traceback", StringComparison.Ordinal));
        var quizzes = history.Where(e => e.Kind == LearnerEventKinds.QuizSubmitted).ToList();
        Assert.Equal(4, quizzes.Count); // modules 1 and 3 once, module 2 twice (failed, then passed)
        Assert.Single(history, e => e.Kind == LearnerEventKinds.Enrolled);
        Assert.Equal(3, history.Count(e => e.Kind == LearnerEventKinds.ReviewApproved));
        Assert.Single(github.State.Repos.Keys, r => r.StartsWith("academy/celery-ada", StringComparison.Ordinal));
        Assert.True(github.State.Repos[Repository].Invitations.ContainsKey(Learner));
    }
}

/// <summary>The test classes that run a whole bot with its emulator (heavy; one at a time).</summary>
[CollectionDefinition(Name)]
public sealed class JourneyGroup
{
    public const string Name = "Journey";
}

/// <summary>Figures from one run: GitHub API calls per learner action.</summary>
internal sealed record CallCounts(int Enrollment, int GradedPush, int PushCompletion, int QuizCompletion, int QuizStart);

/// <summary>What the learner, and their instructor, do: step by step, each step's webhooks sent (twice, shuffled, when asked) before waiting for the bot.</summary>
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
        var push = GitHub.Push(Repository, new Dictionary<string, string> { ["labs/first-celery-app/first-app-lab/tasks.py"] = "from celery import Celery\napp = Celery('tasks')\n" });
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
        var push3 = GitHub.Push(Repository, new Dictionary<string, string> { ["labs/brokers-and-backends/redis-lab/celeryconfig.py"] = "broker_url = 'redis://'\n", ["README.md"] = "# My Celery course\n\nNotes of my own.\n\n" + GitHub.ReadFile(Repository, "README.md")!.Split("\n\n", 2)[1] });
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

    /// <summary>The learner opens the course repository's Enroll form with path 1 and the part-time pace. Returns the Enroll issue's number.</summary>
    public async Task<int> EnrollAsync(string login = Learner)
    {
        const string Body = "### Path\n\nPath 1: Celery Fundamentals\n\n### Pace\n\nPart-time (most learners)\n\n### Start date\n\n2026-12-01";
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
    public async Task<int> SubmitQuizAsync(string moduleId, int number, bool allCorrect, string author = Learner, params (string Event, string Payload)[] alongside)
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
