namespace CourseBot.Tests.Journey;

/// <summary>A lost push webhook: the bot's idea of the branch is out of date, and it must not overwrite what it has not seen.</summary>
[Collection(JourneyGroup.Name)]
public sealed class LostPushTests
{
    private const string Repository = "academy/celery-ada";

    [Fact]
    public async Task ProgressCommit_AfterAPushTheBotNeverHeardOf_KeepsTheLearnersReadme()
    {
        await using var harness = await JourneyHarness.StartAsync();
        var script = new LearnerScript(harness, duplicate: false, seed: 8);
        await script.EnrollAsync();
        var readme = harness.GitHub.ReadFile(Repository, "README.md")!;
        harness.GitHub.Push(
            Repository,
            new Dictionary<string, string>
            {
                ["README.md"] = readme.Replace("# My Celery course", "# Ada's Celery notebook", StringComparison.Ordinal),
                ["notes.md"] = "mine\n",
            }
        );

        // README only (module 1 in progress), then README, badges and the next quiz form (module 1 passed).
        await script.StepAsync(script.Comment(1, "grace", "/approve docker-environment-exercise"));
        Assert.Contains("🟡 in progress", harness.GitHub.ReadFile(Repository, "README.md"), StringComparison.Ordinal);
        harness.GitHub.Push(Repository, new Dictionary<string, string> { ["notes.md"] = "more of mine\n" });
        await script.StepAsync(script.Comment(1, "grace", "/approve async-use-cases-check"));
        await script.QuizAsync("intro-distributed-processing", 1, allCorrect: true);

        var final = harness.GitHub.ReadFile(Repository, "README.md")!;
        Assert.StartsWith("# Ada's Celery notebook", final, StringComparison.Ordinal);
        Assert.Contains("1 of 12 Path 1 modules passed", final, StringComparison.Ordinal);
        Assert.Equal("more of mine\n", harness.GitHub.ReadFile(Repository, "notes.md"));
        Assert.Null(harness.GitHub.ReadFile(Repository, ".github/ISSUE_TEMPLATE/quiz-02-quiz.yml")); // no form before /quiz
        Assert.Null(harness.GitHub.ReadFile(Repository, LearnerScript.FormPath("intro-distributed-processing")));
    }
}
