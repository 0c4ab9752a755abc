using System.Text.Json.Nodes;
using CourseBot.Core.Journey.History;
using CourseBot.Core.Storage;
using CourseBot.GitHubEmulator;

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

    /// <summary>A review that names every criterion of capstone 1's rubric, briefly: substantive although shorter than the minimum
    /// length.</summary>
    private const string CriteriaReview = "API accepts email requests: yes. Emails are processed: routed. "
        + "Retries and failures: backoff shown. Monitoring dashboard and alerts: flower. Code quality and tests: ok. Documentation "
        + "quality: clear. "
        + "Demo presentation: good.";

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
        Assert.Single(github.CommentsOn(Ada, run.Pull.Number), c =>
            c.Body.Contains("@bob, thank you. A peer review counts", StringComparison.Ordinal)
        );
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

    [Theory]
    [InlineData("LGTM", false)]
    [InlineData(CriteriaReview, true)]
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
    public async Task NoPeerAvailable_SaysSoOnce_AndTheInstructorsAreStillAsked()
    {
        await using var harness = await JourneyHarness.StartAsync();
        var script = new PeerScript(harness, duplicate: true, seed: 2);
        var pull = await script.AdaOpensCapstoneAsync(["ada"]);
        Assert.Single(harness.GitHub.CommentsOn(Ada, pull.Number), c =>
            c.Body.Contains("No peer from your cohort", StringComparison.Ordinal)
        );
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

    internal sealed record PeerRun(
        PullState Pull,
        IReadOnlyList<LearnerEvent> AdaHistory,
        IReadOnlyList<LearnerEvent> BobHistory,
        IReadOnlyList<string> RequestedReviewers,
        IReadOnlyDictionary<string, string> AccessAfterAssignment,
        bool BobKeptAccessAfterShortReview,
        IReadOnlyList<string> AccessRemovedBeforeClose
    );

    /// <summary>Ada, Bob, Cleo and Dan enrolled in the same cohort; all but Dan have passed modules 1 to 10.</summary>
    private sealed class PeerScript(JourneyHarness harness, bool duplicate, int seed)
    {
        private static readonly string[] Peers = ["bob", "cleo"];
        private readonly LearnerScript _learner = new(harness, duplicate, seed);
        private readonly DateTimeOffset _start = new(2026, 12, 7, 9, 0, 0, TimeSpan.Zero);

        public async Task<PeerRun> RunAsync()
        {
            var github = harness.GitHub;
            var pull = await AdaOpensCapstoneAsync(["ada", "bob", "cleo", "dan"]);
            var requested = pull.RequestedReviewers.ToList();
            var access = new Dictionary<string, string>(github.State.Repos[Ada].Invitations, StringComparer.Ordinal);

            await _learner.StepAsync(CapstoneWebhooks.Review(harness, Ada, pull, 7001, "bob", "commented", "LGTM", _start.AddMinutes(2)));
            var kept = github.State.Repos[Ada].Invitations.ContainsKey("bob");
            await _learner.StepAsync(
                CapstoneWebhooks.Review(harness, Ada, pull, 7002, "bob", "commented", CriteriaReview, _start.AddMinutes(3))
            );
            var removed = Peers.Where(p => !github.State.Repos[Ada].Invitations.ContainsKey(p)).ToList();

            pull.State = "closed";
            await _learner.StepAsync(CapstoneWebhooks.PullRequest(harness, Ada, "closed", pull, _start.AddMinutes(4), "ada"));
            return new PeerRun(
                pull,
                await harness.History.ReadAsync(Ada, CancellationToken.None),
                await harness.History.ReadAsync(Bob, CancellationToken.None),
                requested,
                access,
                kept,
                removed
            );
        }

        /// <summary>Enrolls the learners (those other than Dan with modules 1 to 10 passed), then Ada opens her capstone pull request,
        /// ready for review.</summary>
        public async Task<PullState> AdaOpensCapstoneAsync(string[] learners)
        {
            foreach (var login in learners)
            {
                await _learner.EnrollAsync(login);
                if (login != "dan")
                {
                    await ModulesOnRecord.PassModulesOneToTenAsync(harness, $"academy/celery-{login}");
                }
            }

            var template = harness.GitHub.ReadFile(Ada, ".github/PULL_REQUEST_TEMPLATE/capstone-1.md")!;
            var pull = harness.GitHub.PushPullAs(
                Ada,
                "ada",
                "my-email-system",
                new Dictionary<string, string> { ["capstone/app.py"] = "print('mail')\n" },
                "Capstone 1: Background Processing System",
                template
            );
            await _learner.StepAsync(CapstoneWebhooks.PullRequest(harness, Ada, "opened", pull, _start.AddMinutes(1), "ada"));
            return pull;
        }
    }
}
