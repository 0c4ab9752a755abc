using CourseBot.Core.Journey.History;
using CourseBot.Core.Storage;

namespace CourseBot.Tests.Journey;

/// <summary>
/// The path rule <c>passing.path.peer_review</c> driven through webhooks: Ada's capstone pull request gets Bob and Cleo as peers,
/// Bob reviews it (approving: he hears his review was recorded, and that only instructors decide), an instructor approves it with
/// the full rubric and Ada passes every Path 1 module; her path certificate stays unissued until she has reviewed a classmate's
/// capstone (Bob's), then it is issued. Run once in order and once with every delivery twice and shuffled: same end state.
/// An instructor can waive the rule for the last learner of a small cohort; anyone else is refused with the reason.
/// </summary>
[Collection(JourneyGroup.Name)]
public sealed class PeerPathRuleTests
{
    private const string Ada = PeerScript.Ada;
    private const string Bob = PeerScript.Bob;

    [Fact]
    public async Task PathCertificate_WaitsForTheLearnersOwnPeerReview()
    {
        await using var harness = await JourneyHarness.StartAsync();
        var run = await PathScript.RunAsync(harness, duplicate: false, seed: 3);

        Assert.False(run.CertifiedBeforeOwnReview);
        Assert.Contains("peer reviews given: 0 of 1", run.ReadmeBeforeOwnReview, StringComparison.Ordinal);
        Assert.Single(await harness.History.ReadAsync(Ada, CancellationToken.None), IsPathOneCertificate);
        Assert.DoesNotContain("peer reviews given", harness.GitHub.ReadFile(Ada, "README.md"), StringComparison.Ordinal);

        // Bob's approval of Ada's capstone: recorded as his participation, never as the instructors' review, and he is told so once.
        var replies = harness.GitHub.CommentsOn(Ada, run.AdaPull).Where(c => c.Body.StartsWith("@bob", StringComparison.Ordinal)).ToList();
        Assert.Contains("your peer review was recorded", Assert.Single(replies).Body, StringComparison.Ordinal);
        Assert.Single(await harness.History.ReadAsync(Bob, CancellationToken.None), e => e.Kind == LearnerEventKinds.PeerReviewGiven);

        Console.WriteLine($"GitHub API calls per peer-review action: assignment of 2 peers (Bob's pull request opened) {run.Assignment}; "
            + $"a peer's review counted (access removed, the reviewer's record and README) {run.ReviewCounted}; "
            + $"access removed for the rest when the pull request closed {run.Closed}");
        Assert.True(run.Assignment.Total <= 12, $"the assignment step took {run.Assignment}");
        // Closing: one call per peer still holding access, plus the status sync (rubric comment, module issue, README).
        Assert.True(run.Closed.Total <= 4, $"closing took {run.Closed}");
        Assert.Equal(1, run.Closed.ByRoute.GetValueOrDefault("DELETE /repos/{owner}/{repo}/collaborators/{username}"));
    }

    [Fact]
    public async Task EveryDeliveryTwice_Shuffled_EndsInTheSameState()
    {
        string plain;
        await using (var harness = await JourneyHarness.StartAsync())
        {
            await PathScript.RunAsync(harness, duplicate: false, seed: 1);
            plain = await SnapshotAsync(harness);
        }

        await using var twice = await JourneyHarness.StartAsync();
        await PathScript.RunAsync(twice, duplicate: true, seed: 17);
        Assert.Equal(plain, await SnapshotAsync(twice));
    }

    [Fact]
    public async Task WaivePeerReview_ByAnInstructor_CompletesThePath_AndIsRefusedToAnyoneElse()
    {
        await using var harness = await JourneyHarness.StartAsync();
        var script = new PeerScript(harness, duplicate: false, seed: 4);
        await script.Learner.EnrollAsync("ada");
        await ModulesOnRecord.PassModulesAsync(harness, Ada, m => m.Path == "fundamentals");
        Assert.DoesNotContain(await harness.History.ReadAsync(Ada, CancellationToken.None), IsPathOneCertificate);
        var issue = script.Learner.ModuleIssue(12);

        await script.Learner.StepAsync(script.Learner.Comment(12, "ada", "/waive-peer-review"));
        Assert.Contains(
            "`/waive-peer-review` is for instructors",
            harness.GitHub.CommentsOn(Ada, issue)[^1].Body,
            StringComparison.Ordinal
        );
        Assert.DoesNotContain(
            await harness.History.ReadAsync(Ada, CancellationToken.None),
            e => e.Kind == LearnerEventKinds.PeerReviewWaived
        );

        await script.Learner.StepAsync(script.Learner.Comment(12, "grace", "/waive-peer-review"));
        var history = await harness.History.ReadAsync(Ada, CancellationToken.None);
        var waived = Assert.Single(history, e => e.Kind == LearnerEventKinds.PeerReviewWaived);
        Assert.Equal(("fundamentals", "grace"), (waived.Subject, LearnerEventJson.Read<PeerReviewWaived>(waived)!.By));
        Assert.Single(history, IsPathOneCertificate);
        // The sync that follows may comment too (the certificate): the reply is one of the issue's comments, once.
        Assert.Single(
            harness.GitHub.CommentsOn(Ada, issue),
            c => c.Body.StartsWith("Peer review waived for **Path 1", StringComparison.Ordinal)
        );

        await script.Learner.StepAsync(script.Learner.Comment(12, "grace", "/waive-peer-review"));
        Assert.Single(harness.GitHub.CommentsOn(Ada, issue), c => c.Body.Contains("already waived", StringComparison.Ordinal));
        Assert.Single(await harness.History.ReadAsync(Ada, CancellationToken.None), e => e.Kind == LearnerEventKinds.PeerReviewWaived);
    }

    private static bool IsPathOneCertificate(LearnerEvent e) =>
        e.Kind == LearnerEventKinds.CertificateIssued && e.Subject.EndsWith("-fundamentals", StringComparison.Ordinal);

    private static async Task<string> SnapshotAsync(JourneyHarness harness)
    {
        var lines = new List<string>();
        foreach (var repository in new[] { Ada, Bob, "academy/celery-cleo" })
        {
            lines.AddRange(harness.GitHub.State.Repos[repository].Comments.Values.Select(c => $"{repository}#{c.IssueNumber}: {c.Body}")
                .Order(StringComparer.Ordinal));
            lines.AddRange((await harness.History.ReadAsync(repository, CancellationToken.None))
                .Where(e => !e.Kind.StartsWith("github.", StringComparison.Ordinal) && e.Kind != LearnerEventKinds.QuizStarted)
                .Select(e => $"{repository} {e.Kind} {e.Subject}").Order(StringComparer.Ordinal));
            lines.Add(harness.GitHub.ReadFile(repository, "README.md") ?? "");
        }

        return string.Join("\n", lines);
    }
}
