using CourseBot.Core.Journey.History;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using CourseBot.Core.Journey;
using CourseBot.Core.Journey.Capstones;
using CourseBot.Core.Journey.Writing;
using CourseBot.Core.Storage;
using CourseBot.GitHubEmulator;
using CourseBot.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace CourseBot.Tests.Journey;

/// <summary>
/// Capstones reviewed as pull requests, end to end: the learner opens the capstone's pull request from
/// its template (a draft first, not in the queue); the instructors team is asked to review and the rubric is posted; a review by someone
/// outside the team and an approval with a partial rubric change nothing and get a reply; changes
/// requested, then an approval with the full rubric passes module 11 with its total shown; a dismissal
/// reopens it. Run once in order and once with every delivery twice and shuffled: same end state.
/// </summary>
[Collection(JourneyGroup.Name)]
public sealed class CapstoneReviewTests
{
    private const string Repository = "academy/celery-ada";

    /// <summary>
    /// The full rubric of capstone 1, one line per criterion, as an instructor might write it (prefixes, numbers, markup).
    /// </summary>
    internal const string FullRubric =
        "Great work overall.\n\n- **API accepts email requests**: 13\n- Emails are processed in the background by routed workers: 12/15\n"
        + "- Retries and failures are handled: 18\n- 4: 8\n- Code quality and tests (code review): 14\n- documentation QUALITY: 9\n- Demo "
        + "presentation: 11 points\n";

    [Fact]
    public async Task CapstonePullRequest_ReviewedByInstructor_PassesModuleWithRubricTotal_AndDismissalReopensIt()
    {
        await using var harness = await JourneyHarness.StartAsync();
        var run = await new CapstoneScript(harness, duplicate: false, seed: 3).RunAsync();
        var github = harness.GitHub;

        // The rubric comment was posted once and edited as the status moved; the non-instructor and partial-rubric replies once each.
        var comments = github.CommentsOn(Repository, run.Pull.Number);
        var rubric = Assert.Single(comments, c => c.Body.StartsWith(RubricCommentWriter.Marker, StringComparison.Ordinal));
        Assert.Contains("| 3 | Retries and failures are handled | 20 |", rubric.Body, StringComparison.Ordinal);
        // the approval dismissed, the earlier review stands
        Assert.Contains("changes requested by @grace", rubric.Body, StringComparison.Ordinal);
        var notCounted = Assert.Single(
            comments, c => c.Body.Contains("Only reviews by the `instructors` team count", StringComparison.Ordinal));
        Golden.AssertMatches("capstone-review-not-counted.md", notCounted.Body);
        var partial = Assert.Single(comments, c => c.Body.Contains("this approval was not recorded", StringComparison.Ordinal));
        Golden.AssertMatches("capstone-rubric-incomplete.md", partial.Body);
        Assert.Contains("\"Demo presentation\" has no score (0 to 15)", partial.Body, StringComparison.Ordinal);
        Assert.Contains("\"Retries and failures are handled\": 25 is outside 0 to 20", partial.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("Documentation quality\"", partial.Body, StringComparison.Ordinal);
        Assert.Equal(["instructors"], github.State.Repos[Repository].Pulls.Single().RequestedTeams);

        Assert.Equal(
            ["changes_requested", "approved", "dismissed"],
            run.History.Where(e => e.Kind == LearnerEventKinds.CapstoneReview)
                .Select(e => (string?)JsonNode.Parse(e.Data)!["state"])
                .ToList()
        );
        Console.WriteLine(
            $"GitHub API calls per capstone review: changes requested {run.ChangesRequestedCalls}, approval that passes the module "
            + $"{run.ApprovalCalls}, "
                + $"refused (non-instructor) {run.RefusedCalls}, dismissal {run.DismissalCalls}"
        );
        Assert.True(run.RefusedCalls <= 2, $"a refused review took {run.RefusedCalls} calls");
        Assert.True(run.ChangesRequestedCalls <= 4, $"changes requested took {run.ChangesRequestedCalls} calls");
    }

    [Fact]
    public async Task CapstonePullRequest_NotMatchedToAnUnlockedCapstone_GetsOneReply()
    {
        await using var harness = await JourneyHarness.StartAsync();
        var learner = new LearnerScript(harness, duplicate: false, seed: 6);
        await learner.EnrollAsync();
        var pull = harness.GitHub.PushPullAs(
            Repository,
            "ada",
            "my-capstone",
            new Dictionary<string, string> { ["capstone/app.py"] = "print('mail')\n" },
            "My capstone, early",
            "Starting on the capstone."
        );
        var at = new DateTimeOffset(2026, 12, 7, 9, 0, 0, TimeSpan.Zero);
        await learner.StepAsync(CapstoneWebhooks.PullRequest(harness, Repository, "opened", pull, at, "ada"));
        var reply = Assert.Single(harness.GitHub.CommentsOn(Repository, pull.Number));
        Golden.AssertMatches("capstone-not-matched.md", reply.Body);
    }

    [Fact]
    public async Task EveryDeliveryTwice_Shuffled_EndsInTheSameState()
    {
        string plain;
        await using (var harness = await JourneyHarness.StartAsync())
        {
            await new CapstoneScript(harness, duplicate: false, seed: 1).RunAsync();
            plain = await SnapshotAsync(harness);
        }

        await using var twice = await JourneyHarness.StartAsync();
        await new CapstoneScript(twice, duplicate: true, seed: 11).RunAsync();
        Assert.Equal(plain, await SnapshotAsync(twice));
    }

    [Fact]
    public async Task InstructorsTeam_GetsTriageAccess_AtSetup_AndTheReconcilerBackFillsOlderLearners()
    {
        await using var harness = await JourneyHarness.StartAsync();
        await new LearnerScript(harness, duplicate: false, seed: 2).EnrollAsync();
        Assert.Equal("triage", harness.GitHub.TeamAccess(Repository)["instructors"]);

        // A learner set up before this step existed: the same record without the team step.
        const string Older = "academy/celery-old";
        var repo = harness.GitHub.AddRepository("academy", "celery-old", JourneyHarness.TemplateFiles());
        repo.Refs["main"] = harness.GitHub.State.Repos[Repository].Refs["main"];
        foreach (
            var e in (await harness.History.ReadAsync(Repository, CancellationToken.None)).Where(e =>
                e.Kind != "github.setup" || e.Subject != "team"
            )
        )
        {
            await harness.History.AppendAsync(
                Older,
                e.Kind,
                e.Subject,
                e.Data.Replace("\"ada\"", "\"old\"", StringComparison.Ordinal),
                CancellationToken.None
            );
        }

        Assert.False(harness.GitHub.TeamAccess(Older).ContainsKey("instructors"));
        var reconciler = harness.Bot.Services.GetRequiredService<JourneyReconciler>();
        Assert.Equal(1, (await reconciler.RunOnceAsync(CancellationToken.None)).Resumed);
        await harness.IdleAsync();
        Assert.Equal("triage", harness.GitHub.TeamAccess(Older)["instructors"]);
        Assert.Equal(0, (await reconciler.RunOnceAsync(CancellationToken.None)).Resumed);
    }

    /// <summary>What the learner sees and what is on record about the capstone.</summary>
    private static async Task<string> SnapshotAsync(JourneyHarness harness)
    {
        var repo = harness.GitHub.State.Repos[Repository];
        var issues = repo
            .Issues.OrderBy(i => i.Number)
            .Select(i => $"#{i.Number} {i.State} {i.Title} [{string.Join(",", i.Labels.Order(StringComparer.Ordinal))}]\n{i.Body}");
        var comments = repo
            .Comments.Values.OrderBy(c => c.IssueNumber)
            .ThenBy(c => c.Body, StringComparer.Ordinal)
            .Select(c => $"on #{c.IssueNumber}: {c.Body}");
        var events = (await harness.History.ReadAsync(Repository, CancellationToken.None))
            .Where(e =>
                e.Kind is LearnerEventKinds.CapstoneReview or LearnerEventKinds.CapstonePullRequest or LearnerEventKinds.ReviewApproved
            )
            .Select(e => JsonNode.Parse(e.Data)!.AsObject())
            .Select(d => $"{d["number"]} {d["action"]} {d["review"]} {d["state"]} {d["total"]}").Order(StringComparer.Ordinal);
        return string.Join("\n", [.. issues, .. comments, .. events, harness.GitHub.ReadFile(Repository, "README.md")]);
    }

    /// <summary>Figures and record from one scripted capstone review.</summary>
    internal sealed record CapstoneRun(
        PullState Pull,
        IReadOnlyList<LearnerEvent> History,
        int ChangesRequestedCalls,
        int ApprovalCalls,
        int RefusedCalls,
        int DismissalCalls
    );

    /// <summary>The capstone journey: a learner with modules 1 to 10 passed, their pull request, and its reviews, step by step.</summary>
    private sealed class CapstoneScript(JourneyHarness harness, bool duplicate, int seed)
    {
        private readonly LearnerScript _learner = new(harness, duplicate, seed);
        private readonly DateTimeOffset _start = new(2026, 12, 7, 9, 0, 0, TimeSpan.Zero);

        public async Task<CapstoneRun> RunAsync()
        {
            var github = harness.GitHub;
            await _learner.EnrollAsync();
            await ModulesOnRecord.PassModulesOneToTenAsync(harness, Repository);
            var issue = _learner.ModuleIssue(11);
            Assert.Contains("not submitted", github.Issue(Repository, issue)!.Body, StringComparison.Ordinal);

            // The learner opens the capstone's pull request from its template, as a draft first: not in the queue.
            var template = github.ReadFile(Repository, ".github/PULL_REQUEST_TEMPLATE/capstone-1.md")!;
            var pull = github.PushPullAs(
                Repository,
                "ada",
                "my-email-system",
                new Dictionary<string, string> { ["capstone/app.py"] = "print('mail')\n" },
                "Capstone 1: Background Processing System",
                template,
                draft: true
            );
            await _learner.StepAsync(CapstoneWebhooks.PullRequest(harness, Repository, "opened", pull, At(0), "ada"));
            Assert.Empty(pull.RequestedTeams);
            Assert.Contains(
                $"draft (#{pull.Number}): not in the review queue",
                github.Issue(Repository, issue)!.Body,
                StringComparison.Ordinal
            );
            pull.Draft = false;
            await _learner.StepAsync(CapstoneWebhooks.PullRequest(harness, Repository, "ready_for_review", pull, At(1), "ada"));
            var body = github.Issue(Repository, issue)!.Body!;
            Assert.Contains($"waiting for an instructor's review (#{pull.Number})", body, StringComparison.Ordinal);
            Assert.Contains(
                $"[pull request #{pull.Number}](https://github.com/{Repository}/pull/{pull.Number})",
                body,
                StringComparison.Ordinal
            );

            // Changes requested by an instructor.
            var calls = Calls();
            await _learner.StepAsync(
                CapstoneWebhooks.Review(harness, Repository, pull, 9001, "grace", "changes_requested", "Add the retry logs.", At(2))
            );
            var changesRequested = Calls() - calls;
            Assert.Contains("changes requested by @grace", github.Issue(Repository, issue)!.Body, StringComparison.Ordinal);

            // The learner dismisses the request for changes: only an instructor's dismissal counts.
            await _learner.StepAsync(
                CapstoneWebhooks.Review(
                    harness,
                    Repository,
                    pull,
                    9001,
                    "grace",
                    "changes_requested",
                    "",
                    At(2),
                    dismissed: true,
                    sender: "ada"
                )
            );
            Assert.Contains("changes requested by @grace", github.Issue(Repository, issue)!.Body, StringComparison.Ordinal);

            // The learner pushes; a passer-by approves (twice: one reply); the instructor approves with a partial rubric.
            pull = github.PushPullAs(
                Repository,
                "ada",
                "my-email-system",
                new Dictionary<string, string> { ["capstone/retries.md"] = "logs\n" },
                pull.Title,
                pull.Body
            );
            calls = Calls();
            await _learner.StepAsync(
                CapstoneWebhooks.PullRequest(harness, Repository, "synchronize", pull, At(3), "ada"),
                CapstoneWebhooks.Review(harness, Repository, pull, 9002, "bob", "approved", FullRubric, At(4)),
                CapstoneWebhooks.Review(harness, Repository, pull, 9003, "bob", "approved", FullRubric, At(5)));
            var refused = (Calls() - calls) / 2;
            await _learner.StepAsync(CapstoneWebhooks.Review(harness, Repository, pull, 9004, "grace", "approved",
                "1: 13\n2: 12\nRetries and failures are handled: 25\nMonitoring: 8\nCode quality: 14\nDocumentation quality: 9\n", At(6)));
            Assert.Equal("open", github.Issue(Repository, issue)!.State);
            Assert.Contains("changes requested by @grace", github.Issue(Repository, issue)!.Body, StringComparison.Ordinal);

            // The full rubric: module 11 passes through the usual path, with the total shown.
            calls = Calls();
            await _learner.StepAsync(CapstoneWebhooks.Review(harness, Repository, pull, 9005, "grace", "approved", FullRubric, At(7)));
            var approval = Calls() - calls;
            var passed = github.Issue(Repository, issue)!;
            Assert.Equal("closed", passed.State);
            Assert.Contains(LabelNames.Passed, passed.Labels);
            Assert.Contains($"approved by @grace (#{pull.Number}): 85 / 100", passed.Body, StringComparison.Ordinal);
            Assert.Matches(new Regex(@"\| 11 \| .* \| ✅ passed · capstone 85 / 100 \|"), github.ReadFile(Repository, "README.md"));
            var history = await harness.History.ReadAsync(Repository, CancellationToken.None);
            var scores = JsonNode.Parse(history.Last(e => e.Kind == LearnerEventKinds.CapstoneReview).Data)!["scores"]!.AsObject();
            Assert.Equal(7, scores.Count);
            Assert.Equal(12, (double)scores["Emails are processed in the background by routed workers"]!);

            // The approval dismissed: the module reopens.
            calls = Calls();
            await _learner.StepAsync(
                CapstoneWebhooks.Review(harness, Repository, pull, 9005, "grace", "approved", FullRubric, At(7), dismissed: true)
            );
            var dismissal = Calls() - calls;
            var reopened = github.Issue(Repository, issue)!;
            Assert.Equal("open", reopened.State);
            Assert.Contains("changes requested by @grace", reopened.Body, StringComparison.Ordinal);
            Assert.DoesNotMatch(new Regex(@"\| 11 \| .* \| ✅ passed"), github.ReadFile(Repository, "README.md"));
            return new CapstoneRun(
                pull,
                await harness.History.ReadAsync(Repository, CancellationToken.None),
                changesRequested,
                approval,
                refused,
                dismissal
            );
        }

        private DateTimeOffset At(int minutes) => _start.AddMinutes(minutes);

        private int Calls() =>
            harness.GitHub.Calls.Where(c => !c.Key.EndsWith("/access_tokens", StringComparison.Ordinal)).Sum(c => c.Value);
    }
}
