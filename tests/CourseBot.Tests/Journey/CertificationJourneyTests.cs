using System.Diagnostics;
using CourseBot.Core.Journey.History;
using CourseBot.Core.Journey.Sync;
using System.Text.Json.Nodes;
using CourseBot.Core.OpenBadges;
using CourseBot.GitHubEmulator;
using CourseBot.Tests.Credentials;

namespace CourseBot.Tests.Journey;

/// <summary>
/// Every certification level earned end to end, through the bot's real entry points only (<see cref="CourseWalker"/>): Ada and
/// Bob walk the course in step so each has a cohort peer whose capstone to review (paths ask for a peer review given). Ada earns
/// Completion of Paths 1 to 4, Professional, Expert, Master (two tracks) and Architect (all three and module 45); a learner
/// placed into Path 2 earns Professional without a Certificate of Completion for Path 1.
/// </summary>
[Collection(JourneyGroup.Name)]
public sealed class CertificationJourneyTests
{
    // Walking 81 modules makes thousands of content-creating calls (issues, comments, README commits). With GitHub's
    // 80 a minute per token the emulator answers 403 and the client rightly waits its 60 s secondary-limit back-off, so
    // the walk took 15 minutes of sleeping. The limit and the client's obedience to it are proved by FaultInjectionTests;
    // here the limit is raised (as there) so the walk measures certification, not the back-off.
    private static EmulatorOptions WalkingEmulator() =>
        new() { GenerationDelay = TimeSpan.FromSeconds(1), ContentCreationPerMinute = 100_000 };

    [Fact]
    public async Task TwoLearnersInStep_AdaEarnsEveryLevel_CompletionProfessionalExpertMasterArchitect()
    {
        var clock = Stopwatch.StartNew();
        await using var harness = await JourneyHarness.StartAsync(emulator: WalkingEmulator());
        var ada = new CourseWalker(harness, "ada");
        var bob = new CourseWalker(harness, "bob");
        await ada.EnrollAsync();
        await bob.EnrollAsync();
        Assert.Contains("Competency level: none yet (Level 1 · Foundation comes with Path 1).", ada.Readme, StringComparison.Ordinal);

        await WalkAsync([ada, bob], 1, 12);
        await AssertCertificatesAsync(harness, ada, "completion-fundamentals");
        Assert.Contains("Competency level: **Level 1 · Foundation** (can: Create basic Celery applications;", ada.Readme,
            StringComparison.Ordinal);
        Assert.Contains("Next level: **Professional Certification**, still needed: Path 2 · Celery Professional "
            + "(0 of 10 modules passed).", ada.Readme,
            StringComparison.Ordinal);
        Assert.Contains("(badges/certificate-completion-fundamentals.svg)", ada.Readme, StringComparison.Ordinal);
        Assert.Contains("Level 1 · Foundation · earned", harness.GitHub.ReadFile(ada.Repository,
            "badges/certificate-completion-fundamentals.svg"),
            StringComparison.Ordinal);

        await WalkAsync([ada, bob], 13, 22);
        await AssertCertificatesAsync(harness, ada, "completion-fundamentals", "completion-professional", "professional");
        Assert.Contains("Competency level: **Level 2 · Professional**", ada.Readme, StringComparison.Ordinal);
        Assert.Contains("Next level: **Expert Certification**, still needed: Path 3 · Celery Expert (0 of 10 modules passed).", ada.Readme,
            StringComparison.Ordinal);
        Assert.Contains("Level 2 · Professional · earned", harness.GitHub.ReadFile(ada.Repository, "badges/certificate-professional.svg"),
            StringComparison.Ordinal);

        await WalkAsync([ada, bob], 23, 32);
        await AssertCertificatesAsync(harness, ada, "completion-fundamentals", "completion-professional", "professional",
            "completion-expert", "expert");
        Assert.Contains("Competency level: **Level 3 · Expert**", ada.Readme, StringComparison.Ordinal);

        // Track 4A with its capstone (Bob's too, for the path's peer review), then module 45: Path 4 complete, one track short of Master.
        await WalkAsync([ada, bob], 33, 36);
        await WalkAsync([ada], 45, 45);
        await AssertCertificatesAsync(harness, ada,
            "completion-fundamentals", "completion-professional", "professional", "completion-expert", "expert",
                "completion-specialization");
        Assert.Contains("Competency level: **Level 4 · Specialist**", ada.Readme, StringComparison.Ordinal);
        Assert.Contains("Next level: **Master Certification**, still needed: 1 more specialization track.", ada.Readme,
            StringComparison.Ordinal);

        // A second track: Master. Its capstone has no peer left to review it (Bob stopped): the instructors' review stands in.
        await WalkAsync([ada], 37, 40);
        await AssertCertificatesAsync(harness, ada,
            "completion-fundamentals", "completion-professional", "professional", "completion-expert", "expert",
                "completion-specialization", "master");
        Assert.Contains("Next level: **Architect Certification**, still needed: track 4C Architecture Patterns.", ada.Readme,
            StringComparison.Ordinal);

        await WalkAsync([ada], 41, 44);
        await AssertCertificatesAsync(harness, ada,
            "completion-fundamentals", "completion-professional", "professional", "completion-expert", "expert",
                "completion-specialization", "master", "architect");
        Assert.Contains("Every certification level earned.", ada.Readme, StringComparison.Ordinal);
        Assert.Contains("Level 4 · Specialist · earned", harness.GitHub.ReadFile(ada.Repository,
            "badges/certificate-architect.svg"), StringComparison.Ordinal);

        // Bob passed Paths 1 to 3 and one track without module 45: Expert, and Path 4 still open.
        await AssertCertificatesAsync(harness, bob, "completion-fundamentals", "completion-professional", "professional",
            "completion-expert", "expert");
        Assert.Contains("Next level: **Master Certification**, still needed: Path 4 · Specialization Tracks "
            + "(4 of 5 modules passed); 1 more specialization track.",
            bob.Readme, StringComparison.Ordinal);
        Console.WriteLine($"Completion to Architect through the webhooks (81 modules for two learners): {clock.Elapsed.TotalSeconds:0} s");
    }

    [Fact]
    public async Task PlacedIntoPathTwo_EarnsProfessional_WithoutACertificateOfCompletionForPathOne()
    {
        await using var harness = await JourneyHarness.StartAsync(emulator: WalkingEmulator());
        var ada = new CourseWalker(harness, "ada");
        var bob = new CourseWalker(harness, "bob");
        await ada.EnrollAsync(path: 2);
        await bob.EnrollAsync(path: 2);
        Assert.Contains("Next level: **Professional Certification**, still needed: "
            + "Path 1 · Celery Fundamentals (counts once you are placed past it); "
            + "Path 2 · Celery Professional (0 of 10 modules passed).", ada.Readme, StringComparison.Ordinal);

        await ada.PlacedByInstructorAsync("professional");
        await bob.PlacedByInstructorAsync("professional");
        Assert.Contains("Competency level: **Level 1 · Foundation**", ada.Readme, StringComparison.Ordinal);
        Assert.Contains("Next level: **Professional Certification**, still needed: Path 2 · Celery Professional "
            + "(0 of 10 modules passed).", ada.Readme,
            StringComparison.Ordinal);

        await WalkAsync([ada, bob], 13, 22);
        await AssertCertificatesAsync(harness, ada, "completion-professional", "professional");
        Assert.Contains("Competency level: **Level 2 · Professional**", ada.Readme, StringComparison.Ordinal);
        Assert.DoesNotContain("certificate-completion-fundamentals", ada.Readme, StringComparison.Ordinal);
        var progress = LearnerLedger.From(ada.Repository, await harness.History.ReadAsync(ada.Repository,
            CancellationToken.None)).Progress(CeleryCourse.Course)!;
        Assert.Equal("fundamentals", Assert.Single(progress.Certificates.Single(c => c.Key == "professional").PlacedPaths));
    }

    /// <summary>Modules <paramref name="first"/> to <paramref name="last"/> for each walker in step; at a capstone, each reviews the
    /// other's pull request.</summary>
    private static async Task WalkAsync(CourseWalker[] walkers, int first, int last)
    {
        for (var number = first; number <= last; number++)
        {
            if (CeleryCourse.Course.Modules.Single(m => m.Number == number).Capstone is null)
            {
                foreach (var walker in walkers)
                {
                    await walker.PassAsync(number);
                }

                continue;
            }

            var pulls = new List<GitHubEmulator.PullState>();
            foreach (var walker in walkers)
            {
                pulls.Add(await walker.OpenCapstoneAsync(number));
            }

            for (var i = 0; i < walkers.Length && walkers.Length > 1; i++)
            {
                var author = (i + 1) % walkers.Length;
                await walkers[i].PeerReviewAsync(walkers[author], pulls[author], number);
            }

            for (var i = 0; i < walkers.Length; i++)
            {
                await walkers[i].CapstoneApprovedAsync(pulls[i], number);
            }
        }
    }

    private static async Task AssertCertificatesAsync(JourneyHarness harness, CourseWalker walker, params string[] expected)
    {
        var history = await harness.History.ReadAsync(walker.Repository, CancellationToken.None);
        var issued = history.Where(e => e.Kind == LearnerEventKinds.CertificateIssued).Select(e => e.Subject)
            .Order(StringComparer.Ordinal);
        Assert.Equal(expected.Order(StringComparer.Ordinal), issued);
        foreach (var key in expected)
        {
            Assert.Contains($"(badges/certificate-{key}.svg)", walker.Readme, StringComparison.Ordinal);
            await AssertCredentialAsync(harness, walker, key);
        }
    }

    /// <summary>
    /// The level's credential in the learner's repository verifies with jose-jwt (not the library that signed it) against the
    /// key the running bot publishes, is an Open Badges 3.0 credential by the schema, and names the level and the learner.
    /// </summary>
    private static async Task AssertCredentialAsync(JourneyHarness harness, CourseWalker walker, string key)
    {
        var file = harness.GitHub.ReadFile(walker.Repository, $"certificates/{key}.json");
        Assert.NotNull(file);
        using var http = new HttpClient { BaseAddress = new Uri(harness.Bot.Urls.First()) };
        var jwks = JsonNode.Parse(await http.GetStringAsync(new Uri("/.well-known/jwks.json", UriKind.Relative)))!.AsObject();
        using var publicKey = CredentialIssuingTests.PublicKey(jwks);
        var payload = JsonNode.Parse(Jose.JWT.Decode(CredentialFile.JwtOf(file), publicKey, Jose.JwsAlgorithm.ES256))!;
        Assert.Empty(OpenBadgesSchema.Errors(payload));
        Assert.Contains(key, (string)payload["id"]!, StringComparison.Ordinal);
        Assert.Contains(walker.Login, payload["credentialSubject"]!.ToJsonString(), StringComparison.OrdinalIgnoreCase);
    }
}
