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
    private static readonly string[] BotFiles =
    [
        "README.md",
        "badges/fundamentals.svg",
        "badges/professional.svg",
        ".github/ISSUE_TEMPLATE/quiz-04-quiz.yml",
    ];

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
        Console.WriteLine(
            $"GitHub API calls: enrollment {counts.Enrollment}, graded push {counts.GradedPush}, module completion by a graded push "
            + $"{counts.PushCompletion}, by a quiz {counts.QuizCompletion}, /quiz {counts.QuizStart}"
        );
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
        var issues = repo
            .Issues.OrderBy(i => i.Number)
            .Select(i =>
                $"#{i.Number} {i.State} {i.Title} [{string.Join(",", i.Labels.Order(StringComparer.Ordinal))}] m{i.Milestone}\n{i.Body}"
            );
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
        Assert.Single(github.CommentsOn(Repository, module2.Number), c =>
            c.Body.StartsWith(ResultsCommentWriter.Marker, StringComparison.Ordinal)
        );
        var congratulations = Assert.Single(github.CommentsOn(Repository, module2.Number), c =>
            c.Body.StartsWith("🎉", StringComparison.Ordinal)
        );
        Assert.Equal(
            $"🎉 **Module 02 passed** (quiz 100 %, labs 17 / 17). Next: #{moduleIssues[2].Number} (Module 03: Understanding Brokers "
            + $"and Backends).",
            congratulations.Body
        );
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
