namespace CourseBot.Tests.Journey;

/// <summary>
/// Ada's Path 1 completed through webhooks but for her own peer review, which she then gives on Bob's capstone pull request;
/// the GitHub API calls of each peer-review step counted by the emulator.
/// </summary>
internal static class PathScript
{
    public static async Task<PathRun> RunAsync(JourneyHarness harness, bool duplicate, int seed)
    {
        var script = new PeerScript(harness, duplicate, seed);
        var github = harness.GitHub;
        var adaPull = await script.AdaOpensCapstoneAsync(["ada", "bob", "cleo", "dan"]);
        Assert.Equal(["bob", "cleo"], adaPull.RequestedReviewers);

        // Bob approves Ada's capstone with a substantive review; then an instructor approves it with the full rubric.
        await script.Learner.StepAsync(
            CapstoneWebhooks.Review(harness, PeerScript.Ada, adaPull, 8001, "bob", "approved", PeerScript.CriteriaReview, script.At(2))
        );
        await script.Learner.StepAsync(
            CapstoneWebhooks.Review(
                harness,
                PeerScript.Ada,
                adaPull,
                8002,
                "grace",
                "approved",
                CapstoneReviewTests.FullRubric,
                script.At(3)
            )
        );
        await ModulesOnRecord.PassModulesAsync(harness, PeerScript.Ada, m => m.Id == "course-review");
        var history = await harness.History.ReadAsync(PeerScript.Ada, CancellationToken.None);
        var certifiedBefore = history.Any(e =>
            e.Kind == Core.Journey.History.LearnerEventKinds.CertificateIssued
            && e.Subject.EndsWith("-fundamentals", StringComparison.Ordinal)
        );
        var readmeBefore = github.ReadFile(PeerScript.Ada, "README.md") ?? "";

        // Bob's capstone: Ada and Cleo have given fewest reviews, so they are asked; Ada's review completes her path.
        var before = Snapshot(github);
        var bobPull = await script.OpensCapstoneAsync("bob", 5);
        var assignment = CallCount.Since(github, before);
        Assert.Equal(["ada", "cleo"], bobPull.RequestedReviewers);
        before = Snapshot(github);
        await script.Learner.StepAsync(
            CapstoneWebhooks.Review(harness, PeerScript.Bob, bobPull, 8003, "ada", "commented", PeerScript.CriteriaReview, script.At(6))
        );
        var counted = CallCount.Since(github, before);
        before = Snapshot(github);
        bobPull.State = "closed";
        await script.Learner.StepAsync(CapstoneWebhooks.PullRequest(harness, PeerScript.Bob, "closed", bobPull, script.At(7), "bob"));
        var closed = CallCount.Since(github, before);
        return new PathRun(adaPull.Number, certifiedBefore, readmeBefore, assignment, counted, closed);
    }

    private static Dictionary<string, int> Snapshot(GitHubEmulator.GitHubEmulator github) => new(github.Calls, StringComparer.Ordinal);
}
