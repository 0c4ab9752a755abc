using CourseBot.Core.Journey;
using CourseBot.GitHubEmulator;
using Microsoft.Extensions.DependencyInjection;

namespace CourseBot.Tests.Journey;

/// <summary>The journey's reconciler against a running bot: work a lost delivery or an exhausted retry left undone gets done,
/// once.</summary>
[Collection(JourneyGroup.Name)]
public sealed class ReconcilerTests
{
    private const string Repository = "academy/celery-ada";

    [Fact]
    public async Task PushWithoutAResult_IsGradedAgain_OncePerCommit()
    {
        await using var harness = await JourneyHarness.StartAsync();
        var script = new LearnerScript(harness, duplicate: false, seed: 9);
        await script.EnrollAsync();
        // Module 1 has no lab: pass it so that module 2's labs are open.
        await script.StepAsync(
            script.Comment(1, "grace", "/approve docker-environment-exercise"),
            script.Comment(1, "grace", "/approve async-use-cases-check")
        );
        await script.QuizAsync("intro-distributed-processing", 1, allCorrect: true);
        var push = harness.GitHub.Push(
            Repository,
            new Dictionary<string, string> { ["labs/first-celery-app/first-app-lab/tasks.py"] = "app = None\n" }
        );
        await script.StepAsync(harness.Pushed(Repository, "ada", push, "labs/first-celery-app/first-app-lab/tasks.py"));
        var reconciler = harness.Bot.Services.GetRequiredService<JourneyReconciler>();

        Assert.Equal(0, (await reconciler.RunOnceAsync(CancellationToken.None)).Regraded); // too early: the run may still be going
        harness.Time.Offset = TimeSpan.FromMinutes(31);
        Assert.Equal(new ReconcileReport(1, 0, 1), await reconciler.RunOnceAsync(CancellationToken.None));
        await harness.IdleAsync();
        Assert.Equal((Repository, "grade.yml", "main"), Assert.Single(harness.GitHub.Dispatches));
        Assert.Equal(0, (await reconciler.RunOnceAsync(CancellationToken.None)).Regraded);
        await harness.IdleAsync();
        Assert.Single(harness.GitHub.Dispatches);
    }

    /// <summary>
    /// Nothing happens in the repository when a quiz's time runs out: the reconciler has the form removed, and the cooldown runs.
    /// </summary>
    [Fact]
    public async Task AbandonedQuizAttempt_LosesItsForm_AndWaitsForTheCooldown()
    {
        var settings = new Dictionary<string, string?> { ["CourseBot:Journey:QuizCooldown"] = "02:00:00" };
        await using var harness = await JourneyHarness.StartAsync(settings);
        var script = new LearnerScript(harness, duplicate: false, seed: 10);
        await script.EnrollAsync();
        var form = LearnerScript.FormPath("intro-distributed-processing");
        await script.StepAsync(script.Comment(1, "ada", "/quiz"));
        Assert.NotNull(harness.GitHub.ReadFile(Repository, form));
        var reconciler = harness.Bot.Services.GetRequiredService<JourneyReconciler>();
        Assert.Equal(0, (await reconciler.RunOnceAsync(CancellationToken.None)).ExpiredQuizzes); // still running

        harness.Time.Offset = TimeSpan.FromMinutes(25); // 20 minutes and 2 of grace are over
        Assert.Equal(1, (await reconciler.RunOnceAsync(CancellationToken.None)).ExpiredQuizzes);
        await harness.IdleAsync();
        Assert.Null(harness.GitHub.ReadFile(Repository, form));
        Assert.Equal(0, (await reconciler.RunOnceAsync(CancellationToken.None)).ExpiredQuizzes);

        await script.StepAsync(script.Comment(1, "ada", "/quiz"));
        var reply = harness.GitHub.CommentsOn(Repository, script.ModuleIssue(1))[^1].Body;
        Assert.Contains("You can retake **", reply, StringComparison.Ordinal);
        Assert.Null(harness.GitHub.ReadFile(Repository, form));
        harness.Time.Offset = TimeSpan.FromMinutes(23) + TimeSpan.FromHours(2);
        await script.StepAsync(script.Comment(1, "ada", "/quiz"));
        Assert.Contains("has started", harness.GitHub.CommentsOn(Repository, script.ModuleIssue(1))[^1].Body, StringComparison.Ordinal);
        Assert.NotNull(harness.GitHub.ReadFile(Repository, form));
    }

    [Fact]
    public async Task EnrollmentWhoseGenerationOutlastedEveryRetry_IsResumed_AndTheLearnerAnswered()
    {
        var settings = new Dictionary<string, string?>
        {
            ["CourseBot:Journey:GenerationWait"] = "00:00:00.300",
            ["CourseBot:Queue:MaxAttempts"] = "1",
        };
        await using var harness = await JourneyHarness.StartAsync(
            settings,
            new EmulatorOptions { GenerationDelay = TimeSpan.FromMinutes(10) }
        );
        var enroll = harness.GitHub.OpenIssueAs(
            JourneyHarness.CourseRepository,
            "ada",
            "[Enroll] ada",
            "### Path\n\nfundamentals\n\n### Pace\n\npart-time",
            "enroll"
        );
        await harness.SendAsync(
            harness.IssueOpened(
                JourneyHarness.CourseRepository,
                enroll.Number,
                "ada",
                "[Enroll] ada",
                "### Path\n\nfundamentals\n\n### Pace\n\npart-time",
                "enroll"
            )
        );
        await harness.DrainedAsync();
        Assert.Contains(
            "still being generated",
            Assert.Single(await harness.Inbox.DeadLettersAsync(CancellationToken.None)).Error,
            StringComparison.Ordinal
        );
        Assert.Empty(harness.GitHub.CommentsOn(JourneyHarness.CourseRepository, enroll.Number));

        harness.GitHub.State.Repos[Repository].ReadyAt = DateTimeOffset.MinValue; // GitHub finished, later
        harness.Time.Offset = TimeSpan.FromMinutes(31);
        var report = await harness.Bot.Services.GetRequiredService<JourneyReconciler>().RunOnceAsync(CancellationToken.None);
        Assert.Equal(1, report.Resumed);
        await harness.DrainedAsync();
        Assert.Single(harness.GitHub.State.Repos[Repository].Issues, i => i.Title.StartsWith("Module 01:", StringComparison.Ordinal));
        Assert.Contains(
            "Welcome, @ada",
            Assert.Single(harness.GitHub.CommentsOn(JourneyHarness.CourseRepository, enroll.Number)).Body,
            StringComparison.Ordinal
        );
        Assert.Equal(0, (await harness.Bot.Services.GetRequiredService<JourneyReconciler>().RunOnceAsync(CancellationToken.None)).Resumed);
    }
}
