using System.Text.Json.Nodes;
using CourseBot.Core.Journey;
using CourseBot.Core.Journey.History;
using CourseBot.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace CourseBot.Tests.Journey;

/// <summary>
/// Peer review of capstone pull requests, end to end: Ada's capstone pull request becomes ready; Bob and Cleo (same cohort, module 11
/// reached) are given read access and asked to review, Dan (module 11 still locked) is not; Bob's one-line review does not count and
/// gets one reply; his substantive review is recorded in his own history and ends his access; closing the pull request ends Cleo's.
/// Alone in a cohort, a learner's pull request says so once and the instructors' review stands in.
/// </summary>
[Collection(JourneyGroup.Name)]
public sealed class PeerReviewTests
{
    private const string Ada = "academy/celery-ada";
    private const string Bob = "academy/celery-bob";

    [Fact]
    public async Task TwoPeersAssigned_OneReviewsSubstantively_ParticipationRecorded_AccessRemovedAfterReviewAndClose()
    {
        await using var harness = await JourneyHarness.StartAsync();
        var run = await new PeerScript(harness, duplicate: false, seed: 5).RunAsync();
        var github = harness.GitHub;

        var assigned = Assert.Single(run.AdaHistory, e => e.Kind == LearnerEventKinds.PeerReviewersAssigned);
        Assert.Equal(["bob", "cleo"], LearnerEventJson.Read<PeerReviewersAssigned>(assigned)!.Peers);
        Assert.Equal(["bob", "cleo"], run.RequestedReviewers);
        Assert.Equal("pull", run.AccessAfterAssignment["bob"]);
        Assert.Equal("pull", run.AccessAfterAssignment["cleo"]);
        Assert.False(run.AccessAfterAssignment.ContainsKey("dan"));

        // The short review: one reply, nothing recorded, access kept.
        var shortReply = Assert.Single(
            github.CommentsOn(Ada, run.Pull.Number),
            c => c.Body.Contains("@bob, thank you. A peer review counts", StringComparison.Ordinal)
        );
        Golden.AssertMatches("peer-review-too-short.md", shortReply.Body);
        Assert.True(run.BobKeptAccessAfterShortReview);

        // The substantive one: in Bob's history once, his access ended; Cleo's ended when the pull request closed.
        var given = Assert.Single(run.BobHistory, e => e.Kind == LearnerEventKinds.PeerReviewGiven);
        Assert.Equal(
            (Ada, run.Pull.Number, 7002L),
            (
                LearnerEventJson.Read<PeerReviewGiven>(given)!.Repository,
                LearnerEventJson.Read<PeerReviewGiven>(given)!.Number,
                LearnerEventJson.Read<PeerReviewGiven>(given)!.Review
            )
        );
        Assert.Equal(["bob"], run.AccessRemovedBeforeClose);
        Assert.DoesNotContain(github.State.Repos[Ada].Invitations.Keys, k => k is "bob" or "cleo");
        Assert.DoesNotContain(run.AdaHistory, e => e.Kind == LearnerEventKinds.CapstoneReview); // a peer's review is never the instructor's
    }

    [Fact]
    public async Task APeersApprovingReview_IsRecordedAsParticipation_AndTheyAreToldSo()
    {
        await using var harness = await JourneyHarness.StartAsync();
        var script = new PeerScript(harness, duplicate: false, seed: 6);
        var pull = await script.AdaOpensCapstoneAsync(["ada", "bob", "cleo", "dan"]);

        await script.Learner.StepAsync(
            CapstoneWebhooks.Review(harness, Ada, pull, 7003, "cleo", "approved", PeerScript.CriteriaReview, script.At(2))
        );
        var reply = Assert.Single(
            harness.GitHub.CommentsOn(Ada, pull.Number),
            c => c.Body.Contains("@cleo, thank you: your peer review was recorded", StringComparison.Ordinal)
        );
        Golden.AssertMatches("peer-review-participation.md", reply.Body);
    }

    [Theory]
    [InlineData("LGTM", false)]
    [InlineData(PeerScript.CriteriaReview, true)]
    [InlineData("API accepts email: fine. Emails are processed: yes. Retries and failures: yes. Code quality and: ok.", false)]
    public void ShortReview_DoesNotCount_UnlessItNamesEveryCriterion(string body, bool counts)
    {
        var capstone = CeleryCourse.Course.Modules.First(m => m.Capstone?.Number == 1).Capstone!;
        Assert.Equal(counts, Core.Journey.Peers.PeerReviewDesk.IsSubstantive(capstone, body, minLength: 1000));
    }

    [Fact]
    public async Task EveryDeliveryTwice_Shuffled_EndsInTheSameState()
    {
        string plain;
        await using (var harness = await JourneyHarness.StartAsync())
        {
            await new PeerScript(harness, duplicate: false, seed: 1).RunAsync();
            plain = await SnapshotAsync(harness);
        }

        await using var twice = await JourneyHarness.StartAsync();
        await new PeerScript(twice, duplicate: true, seed: 13).RunAsync();
        Assert.Equal(plain, await SnapshotAsync(twice));
    }

    [Fact]
    public async Task TooFewPeers_TheReconcilerLooksAgain_APeerWhoCatchesUpIsAssigned_UntilThePeerWaitIsOver()
    {
        await using var harness = await JourneyHarness.StartAsync();
        var pull = await new PeerScript(harness, duplicate: true, seed: 2).AdaOpensCapstoneAsync(["ada", "dan"]);
        var reconciler = harness.Bot.Services.GetRequiredService<JourneyReconciler>();
        Assert.Empty(pull.RequestedReviewers);
        Assert.Equal(1, (await reconciler.RunOnceAsync(CancellationToken.None)).PeerRetries);
        await harness.IdleAsync();
        Assert.DoesNotContain(harness.GitHub.CommentsOn(Ada, pull.Number), c => c.Body.Contains("No peer", StringComparison.Ordinal));

        // Dan reaches module 11 a day later: the next look assigns him (one of the two peers asked for).
        await ModulesOnRecord.PassModulesOneToTenAsync(harness, "academy/celery-dan");
        harness.Time.Offset = TimeSpan.FromDays(1);
        Assert.Equal(1, (await reconciler.RunOnceAsync(CancellationToken.None)).PeerRetries);
        await harness.IdleAsync();
        Assert.Equal(["dan"], pull.RequestedReviewers);
        Assert.Equal("pull", harness.GitHub.State.Repos[Ada].Invitations["dan"]);

        // Within the wait (3 days by default) it keeps looking; after it, with a peer assigned, there is nothing more to say.
        harness.Time.Offset = TimeSpan.FromDays(2);
        Assert.Equal(1, (await reconciler.RunOnceAsync(CancellationToken.None)).PeerRetries);
        await harness.IdleAsync();
        harness.Time.Offset = TimeSpan.FromDays(4);
        Assert.Equal(0, (await reconciler.RunOnceAsync(CancellationToken.None)).PeerRetries);
        Assert.DoesNotContain(harness.GitHub.CommentsOn(Ada, pull.Number), c => c.Body.Contains("No peer", StringComparison.Ordinal));
        Assert.Equal(["instructors"], pull.RequestedTeams);
    }

    [Fact]
    public async Task NoPeerAtAll_AfterThePeerWait_SaysSoOnce_AndTheInstructorsAreStillAsked()
    {
        await using var harness = await JourneyHarness.StartAsync(
            new Dictionary<string, string?> { ["CourseBot:Journey:PeerWait"] = "1.00:00:00" }
        );
        var pull = await new PeerScript(harness, duplicate: true, seed: 2).AdaOpensCapstoneAsync(["ada"]);
        var reconciler = harness.Bot.Services.GetRequiredService<JourneyReconciler>();
        Assert.Equal(1, (await reconciler.RunOnceAsync(CancellationToken.None)).PeerRetries);
        await harness.IdleAsync();
        Assert.DoesNotContain(harness.GitHub.CommentsOn(Ada, pull.Number), c => c.Body.Contains("No peer", StringComparison.Ordinal));

        harness.Time.Offset = TimeSpan.FromHours(25);
        Assert.Equal(1, (await reconciler.RunOnceAsync(CancellationToken.None)).PeerRetries);
        await harness.IdleAsync();
        var noPeer = Assert.Single(
            harness.GitHub.CommentsOn(Ada, pull.Number),
            c => c.Body.Contains("No peer from your cohort", StringComparison.Ordinal)
        );
        Golden.AssertMatches("peer-review-no-peer.md", noPeer.Body);
        harness.Time.Offset = TimeSpan.FromHours(27);
        Assert.Equal(0, (await reconciler.RunOnceAsync(CancellationToken.None)).PeerRetries);
        Assert.Equal(["instructors"], pull.RequestedTeams);
        Assert.Empty(pull.RequestedReviewers);
    }

    private static async Task<string> SnapshotAsync(JourneyHarness harness)
    {
        var lines = new List<string>();
        foreach (var repository in new[] { Ada, Bob, "academy/celery-cleo" })
        {
            lines.AddRange(
                harness
                    .GitHub.State.Repos[repository]
                    .Comments.Values.Select(c => $"{repository}#{c.IssueNumber}: {c.Body}")
                    .Order(StringComparer.Ordinal)
            );
            lines.AddRange(
                (await harness.History.ReadAsync(repository, CancellationToken.None))
                    .Where(e =>
                        e.Kind
                            is LearnerEventKinds.PeerReviewersAssigned
                                or LearnerEventKinds.PeerReviewGiven
                                or LearnerEventKinds.GitHubPeerAccess
                    )
                    .Select(e =>
                        $"{repository} {e.Kind} {e.Subject} {JsonNode.Parse(e.Data)!["peers"]?.ToJsonString()} "
                        + $"{JsonNode.Parse(e.Data)!["peer"]}"
                    )
                    .Order(StringComparer.Ordinal)
            );
            lines.Add(
                string.Join(
                    ",",
                    harness
                        .GitHub.State.Repos[repository]
                        .Invitations.OrderBy(i => i.Key, StringComparer.Ordinal)
                        .Select(i => $"{i.Key}={i.Value}")
                )
            );
        }

        return string.Join("\n", lines);
    }
}
