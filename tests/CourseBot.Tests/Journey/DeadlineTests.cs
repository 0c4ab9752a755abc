using CourseBot.Core.Journey;
using CourseBot.Core.Journey.History;
using CourseBot.Core.Journey.Sync;
using CourseBot.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace CourseBot.Tests.Journey;

/// <summary>
/// Deadlines that act, against a running bot (emulator + SQLite, the bot's clock moved forward): an idle learner's README
/// and reminders from the daily deadline pass, and the schedule commands with who may run them.
/// </summary>
[Collection(JourneyGroup.Name)]
public sealed class DeadlineTests
{
    private const string Repository = "academy/celery-ada";

    [Fact]
    public async Task IdleLearner_BecomesOverdue_GetsOneReminderAndAFreshReadme_WithoutPushing()
    {
        await using var harness = await JourneyHarness.StartAsync();
        var script = new LearnerScript(harness, duplicate: false, seed: 3);
        await script.EnrollAsync();
        var reconciler = harness.Bot.Services.GetRequiredService<JourneyReconciler>();
        Assert.Equal(0, (await reconciler.RunOnceAsync(CancellationToken.None)).Deadlines); // nothing is due yet
        var due = (await ProgressAsync(harness)).Module("intro-distributed-processing")!.Due!.DueOn;
        Assert.DoesNotContain("overdue", harness.GitHub.ReadFile(Repository, "README.md"), StringComparison.Ordinal);

        MoveTo(harness, due.AddDays(3)); // three days overdue: the first threshold (3,10)
        var pushes = harness.GitHub.State.Commits.Count;
        Assert.Equal(1, (await reconciler.RunOnceAsync(CancellationToken.None)).Deadlines);
        await harness.IdleAsync();
        var issue = script.ModuleIssue(1);
        var reminder = Assert.Single(harness.GitHub.CommentsOn(Repository, issue), c => c.Body.StartsWith('⏰'));
        Golden.AssertMatches("overdue-reminder.md", reminder.Body);
        var readme = harness.GitHub.ReadFile(Repository, "README.md")!;
        Assert.Contains("⚠️ overdue", readme, StringComparison.Ordinal);
        Golden.AssertMatches("readme-overdue.md", Section(readme));
        Assert.True(harness.GitHub.State.Commits.Count > pushes); // the bot's commit, no learner push

        // The same day again, and the next day: the reminder is on record, the README already says it.
        Assert.Equal(0, (await reconciler.RunOnceAsync(CancellationToken.None)).Deadlines);
        MoveTo(harness, due.AddDays(4));
        Assert.Equal(0, (await reconciler.RunOnceAsync(CancellationToken.None)).Deadlines);
        await harness.IdleAsync();
        Assert.Single(harness.GitHub.CommentsOn(Repository, issue), c => c.Body.StartsWith('⏰'));
        var history = await harness.History.ReadAsync(Repository, CancellationToken.None);
        Assert.Equal("intro-distributed-processing:3", Assert.Single(history, e => e.Kind == LearnerEventKinds.DeadlineReminder).Subject);
    }

    [Fact]
    public async Task Extend_ByAnInstructor_MovesTheDueDates_AndAnyoneElseIsRefused()
    {
        await using var harness = await JourneyHarness.StartAsync();
        var script = new LearnerScript(harness, duplicate: false, seed: 4);
        await script.EnrollAsync();
        var before = (await ProgressAsync(harness)).Module("intro-distributed-processing")!.Due!.DueOn;
        var milestonesBefore = harness.GitHub.State.Repos[Repository].Milestones.Count;

        foreach (var who in new[] { "bob", "ada" })
        {
            await script.StepAsync(script.Comment(1, who, "/extend 14"));
            Golden.AssertMatches("extend-refused.md", LastReply(harness, script));
        }

        await script.StepAsync(script.Comment(1, "grace", "/extend 400"));
        Golden.AssertMatches("extend-usage.md", LastReply(harness, script));
        await script.StepAsync(script.Comment(1, "grace", "/extend 14 99"));
        Golden.AssertMatches("extend-no-such-module.md", LastReply(harness, script));

        var history = await harness.History.ReadAsync(Repository, CancellationToken.None);
        Assert.DoesNotContain(history, e => e.Kind == LearnerEventKinds.ScheduleExtended);

        await script.StepAsync(script.Comment(1, "grace", "/extend 14"));
        Golden.AssertMatches("extend-reply.md", harness.GitHub.CommentsOn(Repository, script.ModuleIssue(1))[^1].Body);
        var progress = await ProgressAsync(harness);
        Assert.Equal(before.AddDays(14), progress.Module("intro-distributed-processing")!.Due!.DueOn);
        // Module 1 on, every milestone moved in place: same titles, same GitHub milestones, the new dates (one PATCH each).
        Assert.All(progress.Milestones, m => Assert.DoesNotContain(" · due ", m.Title, StringComparison.Ordinal));
        Assert.Equal(milestonesBefore, harness.GitHub.State.Repos[Repository].Milestones.Count);
        Assert.Equal(milestonesBefore,
            harness.GitHub.Calls.GetValueOrDefault("PATCH /repos/{owner}/{repo}/milestones/{milestone_number}"));
        Assert.All(harness.GitHub.State.Repos[Repository].Milestones, m => Assert.Contains(progress.Milestones,
            p => p.Title == m.Title && p.DueOn == DateOnly.FromDateTime(m.DueOn!.Value.UtcDateTime)));
        var readme = harness.GitHub.ReadFile(Repository, "README.md")!;
        Golden.AssertMatches("readme-extended.md", Section(readme));
        var repo = harness.GitHub.State.Repos[Repository];
        var issue = repo.Issues.Single(i => i.Number == script.ModuleIssue(1));
        var milestone = repo.Milestones.Single(m => m.Number == issue.Milestone);
        Assert.Equal(before.AddDays(14), DateOnly.FromDateTime(milestone.DueOn!.Value.UtcDateTime));
    }

    [Fact]
    public async Task PaceAndPause_ByTheLearner_AreRecorded_AndAPasserByIsRefused()
    {
        await using var harness = await JourneyHarness.StartAsync();
        var script = new LearnerScript(harness, duplicate: false, seed: 5);
        await script.EnrollAsync();
        MoveTo(harness, new DateOnly(2026, 12, 10)); // the replies name today: a fixed day, so they are the same on every run
        await script.StepAsync(script.Comment(1, "bob", "/pace full-time"));
        Golden.AssertMatches("pace-refused.md", LastReply(harness, script));
        await script.StepAsync(script.Comment(1, "bob", "/pause"));
        var history = await harness.History.ReadAsync(Repository, CancellationToken.None);
        Assert.DoesNotContain(history, e => e.Kind is LearnerEventKinds.PaceChanged or LearnerEventKinds.SchedulePaused);
        Assert.Equal(
            2,
            harness
                .GitHub.CommentsOn(Repository, script.ModuleIssue(1))
                .Count(c =>
                    c.Body.Contains(
                        "is for @ada and instructors (members of the `instructors` team); nothing was recorded",
                        StringComparison.Ordinal
                    )
                )
        );

        await script.StepAsync(script.Comment(1, "ada", "/pace sprint"));
        Golden.AssertMatches("pace-usage.md", LastReply(harness, script));
        await script.StepAsync(script.Comment(1, "ada", "/pace full-time"));
        Golden.AssertMatches("pace-changed.md", LastReply(harness, script));
        Assert.Equal("full-time", (await ProgressAsync(harness)).PaceId);
        Assert.Contains("Pace: **Full-time", harness.GitHub.ReadFile(Repository, "README.md"), StringComparison.Ordinal);
        await script.StepAsync(script.Comment(1, "ada", "/pace full-time"));
        Golden.AssertMatches("pace-unchanged.md", LastReply(harness, script));
        await script.StepAsync(script.Comment(1, "ada", "/resume"));
        Golden.AssertMatches("resume-not-paused.md", LastReply(harness, script));
        await script.StepAsync(script.Comment(1, "ada", "/pause"));
        Golden.AssertMatches("pause-reply.md", LastReply(harness, script));
        Assert.NotNull((await ProgressAsync(harness)).PausedSince);
        Assert.Contains("⏸️ Paused since", harness.GitHub.ReadFile(Repository, "README.md"), StringComparison.Ordinal);
        await script.StepAsync(script.Comment(1, "ada", "/pause"));
        Golden.AssertMatches("pause-already-paused.md", LastReply(harness, script));
        MoveTo(harness, new DateOnly(2026, 12, 17));
        await script.StepAsync(script.Comment(1, "grace", "/resume"));
        Golden.AssertMatches("resume-reply.md", LastReply(harness, script));
        Assert.Null((await ProgressAsync(harness)).PausedSince);
    }

    private static string LastReply(JourneyHarness harness, LearnerScript script) =>
        harness.GitHub.CommentsOn(Repository, script.ModuleIssue(1))[^1].Body;

    private static void MoveTo(JourneyHarness harness, DateOnly day) =>
        harness.Time.Offset = day.ToDateTime(new TimeOnly(12, 0)) - TimeProvider.System.GetUtcNow().UtcDateTime;

    private static async Task<Core.Journey.Progression.LearnerProgress> ProgressAsync(JourneyHarness harness) =>
        LearnerLedger.From(Repository, await harness.History.ReadAsync(Repository, CancellationToken.None)).Progress(CeleryCourse.Course)!;

    /// <summary>The README's progress section, from its heading to the bot's closing line.</summary>
    private static string Section(string readme)
    {
        var start = readme.IndexOf("## My progress", StringComparison.Ordinal);
        var end = readme.IndexOf("_Updated by CourseBot", start, StringComparison.Ordinal);
        return readme[start..readme.IndexOf('\n', end)] + "\n";
    }
}
