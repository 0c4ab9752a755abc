using System.Globalization;
using CourseBot.Core.Curriculum.Model;
using CourseBot.Core.Journey.Quizzes;
using CourseBot.Core.Journey.Writing;
using CourseBot.GitHubEmulator;

namespace CourseBot.Tests.Journey;

/// <summary>
/// One learner walking the course through the bot's real entry points, module by module: the quiz or exam started with
/// <c>/quiz</c> and its form submitted from the key, one push and a passing signed grading-run result per auto-graded
/// assessment, an instructor's <c>/approve</c> for the reviewed ones, and a capstone as a pull request an instructor approves
/// with the full rubric. Nothing is written into the learner's history directly.
/// </summary>
internal sealed class CourseWalker(JourneyHarness harness, string login)
{
    private static int _reviews = 50_000;

    public string Login => login;

    public string Repository => $"academy/celery-{login}";

    private GitHubEmulator.GitHubEmulator GitHub => harness.GitHub;

    /// <summary>Enrolls through the course repository's Enroll form in path <paramref name="path"/> (1-4), full-time.</summary>
    public async Task EnrollAsync(int path = 1)
    {
        var chosen = CeleryCourse.Course.Paths.Single(p => p.Number == path);
        var body = $"### Path\n\nPath {path}: {chosen.Title}\n\n### Pace\n\nFull-time (bootcamp style)\n\n### Start date\n\n2026-12-01";
        var enroll = GitHub.OpenIssueAs(JourneyHarness.CourseRepository, login, "[Enroll] " + login, body, "enroll");
        await StepAsync(harness.IssueOpened(JourneyHarness.CourseRepository, enroll.Number, login, "[Enroll] " + login, body, "enroll"));
    }

    /// <summary>An instructor's <c>/place PATH</c> in the learner's Placement issue.</summary>
    public async Task PlacedByInstructorAsync(string pathId)
    {
        var placement = GitHub.State.Repos[Repository].Issues.Single(i => i.Title.StartsWith("Placement for", StringComparison.Ordinal));
        var id = GitHub.CommentAs(Repository, placement.Number, "grace", "/place " + pathId);
        await StepAsync(harness.Comment(Repository, placement.Number, id, "grace", "/place " + pathId));
    }

    /// <summary>Every required assessment of a module other than a capstone, through the bot's real paths; the module issue must be
    /// open.</summary>
    public async Task PassAsync(int number)
    {
        var module = CeleryCourse.Course.Modules.Single(m => m.Number == number);
        Assert.True(module.Capstone is null, $"module {number} is a capstone: open its pull request instead");
        var issue = ModuleIssue(number);
        var graded = module.Assessments
            .Where(a => a.Grading == Core.Curriculum.Model.Grading.Auto && a.Kind != AssessmentKind.Survey).ToList();
        if (graded.Count > 0)
        {
            var file = $"labs/{module.Id}/work.py";
            var push = GitHub.Push(Repository, new Dictionary<string, string> { [file] = $"# module {number}\n" });
            await StepAsync(harness.Pushed(Repository, login, push, file));
            foreach (var lab in graded)
            {
                Assert.Equal(201, await harness.GradeAsync(Repository, $"{module.Id}/{lab.Id}", push.After, passed: true));
            }

            await harness.IdleAsync();
        }

        foreach (var review in module.Assessments.Where(a => a.Grading == Core.Curriculum.Model.Grading.Review))
        {
            await StepAsync(Comment(issue, "grace", "/approve " + review.Id));
        }

        foreach (var quiz in module.Assessments.Where(a => a.Grading == Core.Curriculum.Model.Grading.Quiz))
        {
            await StepAsync(Comment(issue, login, "/quiz"));
            await SubmitQuizAsync(module, quiz);
        }

        Assert.True(GitHub.Issue(Repository, issue)!.State == "closed", $"{login}: module {number} did not pass");
    }

    /// <summary>The capstone's pull request, from its template, ready for review.</summary>
    public async Task<PullState> OpenCapstoneAsync(int number)
    {
        var capstone = CeleryCourse.Course.Modules.Single(m => m.Number == number).Capstone!;
        var template = GitHub.ReadFile(Repository, $".github/PULL_REQUEST_TEMPLATE/capstone-{capstone.Number}.md")!;
        var title = $"Capstone {capstone.Number}: {capstone.Title}";
        var pull = GitHub.PushPullAs(Repository, login, $"capstone-{capstone.Number}", new Dictionary<string,
            string> { [$"capstone{capstone.Number}/app.py"] = "print('done')\n" },
            title, template);
        await StepAsync(CapstoneWebhooks.PullRequest(harness, Repository, "opened", pull, harness.Time.GetUtcNow(), login));
        return pull;
    }

    /// <summary>This learner reviews <paramref name="author"/>'s capstone pull request as an assigned peer, naming every rubric
    /// criterion.</summary>
    public async Task PeerReviewAsync(CourseWalker author, PullState pull, int number)
    {
        var capstone = CeleryCourse.Course.Modules.Single(m => m.Number == number).Capstone!;
        var body = string.Join("\n", capstone.Rubric.Select(c => $"{c.Criterion}: I checked the evidence and it holds."));
        await StepAsync(CapstoneWebhooks.Review(harness, author.Repository, pull, Interlocked.Increment(ref _reviews), login,
            "commented", body,
            harness.Time.GetUtcNow()));
    }

    /// <summary>An instructor approves the capstone's pull request with every rubric criterion at full marks: the module passes.</summary>
    public async Task CapstoneApprovedAsync(PullState pull, int number)
    {
        var capstone = CeleryCourse.Course.Modules.Single(m => m.Number == number).Capstone!;
        var rubric = string.Join("\n", capstone.Rubric.Select(c => string.Create(CultureInfo.InvariantCulture,
            $"- {c.Criterion}: {c.Weight}")));
        await StepAsync(CapstoneWebhooks.Review(harness, Repository, pull, Interlocked.Increment(ref _reviews), "grace", "approved",
            rubric,
            harness.Time.GetUtcNow()));
        Assert.True(GitHub.Issue(Repository, ModuleIssue(number))!.State == "closed", $"{login}: capstone module {number} did not pass");
    }

    public string Readme => GitHub.ReadFile(Repository, "README.md")!;

    public int ModuleIssue(int number)
    {
        var prefix = string.Create(CultureInfo.InvariantCulture, $"Module {number:00}:");
        return GitHub.State.Repos[Repository].Issues.Single(i => i.Title.StartsWith(prefix, StringComparison.Ordinal)).Number;
    }

    private async Task SubmitQuizAsync(Module module, Assessment assessment)
    {
        var quiz = module.Quizzes.Single(q => q.AssessmentId == assessment.Id);
        var yaml = GitHub.ReadFile(Repository, QuizFormWriter.Write(module, assessment, quiz).Path)!;
        var body = IssueFormRenderer.Render(yaml, QuizAnswers.FromKey(quiz, IssueForm.Parse(yaml)));
        var title = $"[Quiz] Module {module.Number:00}: {assessment.Title}";
        var opened = GitHub.OpenIssueAs(Repository, login, title, body, LabelNames.Quiz);
        await StepAsync(harness.IssueOpened(Repository, opened.Number, login, title, body, LabelNames.Quiz));
    }

    private (string Event, string Payload) Comment(int issue, string user, string body)
    {
        var id = GitHub.CommentAs(Repository, issue, user, body);
        return harness.Comment(Repository, issue, id, user, body);
    }

    private async Task StepAsync((string Event, string Payload) webhook)
    {
        await harness.SendAsync(webhook);
        await harness.IdleAsync();
    }
}
