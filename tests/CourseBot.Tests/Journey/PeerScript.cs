using CourseBot.GitHubEmulator;

namespace CourseBot.Tests.Journey;

/// <summary>Ada, Bob, Cleo and Dan enrolled in the same cohort; all but Dan have passed modules 1 to 10.</summary>
internal sealed class PeerScript(JourneyHarness harness, bool duplicate, int seed)
{
    public const string Ada = "academy/celery-ada";
    public const string Bob = "academy/celery-bob";

    /// <summary>
    /// A review that names every criterion of capstone 1's rubric, briefly: substantive although shorter than the minimum length.
    /// </summary>
    public const string CriteriaReview = "API accepts email requests: yes. Emails are processed: routed. "
        + "Retries and failures: backoff shown. Monitoring dashboard and alerts: flower. Code quality and tests: ok. Documentation "
        + "quality: clear. "
        + "Demo presentation: good.";

    private static readonly string[] Peers = ["bob", "cleo"];
    private readonly LearnerScript _learner = new(harness, duplicate, seed);
    public LearnerScript Learner => _learner;

    public DateTimeOffset At(int minutes) => _start.AddMinutes(minutes);

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

    /// <summary>
    /// Enrolls the learners (those other than Dan with modules 1 to 10 passed), then Ada opens her capstone pull request, ready for review.
    /// </summary>
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

        return await OpensCapstoneAsync("ada", 1);
    }

    /// <summary>
    /// The learner opens their capstone 1 pull request from its template, ready for review, <paramref name="minutes"/> into the script.
    /// </summary>
    public async Task<PullState> OpensCapstoneAsync(string login, int minutes)
    {
        var repository = $"academy/celery-{login}";
        var template = harness.GitHub.ReadFile(repository, ".github/PULL_REQUEST_TEMPLATE/capstone-1.md")!;
        var pull = harness.GitHub.PushPullAs(
            repository,
            login,
            "my-email-system",
            new Dictionary<string, string> { ["capstone/app.py"] = "print('mail')\n" },
            "Capstone 1: Background Processing System",
            template
        );
        await _learner.StepAsync(CapstoneWebhooks.PullRequest(harness, repository, "opened", pull, _start.AddMinutes(minutes), login));
        return pull;
    }
}
