using CourseBot.GitHubEmulator;
using Microsoft.Extensions.DependencyInjection;

namespace CourseBot.Tests.Journey;

/// <summary>
/// A roster enrolled with GitHub's content-creation limits enforced by the emulator (80 a minute, 500 an hour per
/// installation): the bot as shipped paces itself, so it is never refused, and still uses the hourly limit in full. The bot,
/// its worker and the emulator share a virtual clock that jumps whenever everyone waits, so hours pass in seconds.
/// </summary>
[Collection(VirtualTimeGroup.Name)]
public sealed class EnrollmentPacingTests
{
    private const int Learners = 40;

    [Fact]
    public async Task Roster_UnderContentCreationLimits_IsEnrolledWithoutASecondaryLimit_UsingTheHourlyLimitInFull()
    {
        var clock = new VirtualClock(TimeProvider.System.GetUtcNow());
        await using var harness = await JourneyHarness.StartAsync(
            extra: ShippedPacing,
            emulator: new EmulatorOptions { GenerationDelay = TimeSpan.FromSeconds(2), EnforceContentCreationLimits = true },
            services: s => s.AddSingleton<TimeProvider>(clock),
            githubTime: clock);
        var roster = Path.Combine(harness.DataDirectory, "roster.csv");
        await File.WriteAllLinesAsync(roster, [
            "identifier,github_username,github_id,name",
            .. Enumerable.Range(1, Learners).Select(i => $"l{i}@x.edu,learner{i},{i},Learner {i}"),
        ]);
        string[] args =
        [
            "enroll", "--cohort", "spring-2027", "--path", "fundamentals", "--pace", "full-time", "--start", "2027-01-04",
            "--curriculum", RepositoryPaths.Curriculum, "--data", harness.DataDirectory, roster,
        ];
        Assert.Equal(0, await CourseBot.Cli.Commands.CourseBotCommandLine.Build().Parse(args).InvokeAsync());

        await VirtualTimeDriver.RunAsync(
            clock,
            harness.GitHub,
            async () => await harness.Inbox.PendingAsync(CancellationToken.None) == 0,
            quiet: TimeSpan.FromMilliseconds(10),
            limit: TimeSpan.FromMinutes(4));

        Assert.Empty(await harness.Inbox.DeadLettersAsync(CancellationToken.None));
        Assert.Equal(0, harness.GitHub.SecondaryLimitErrors);
        Assert.Equal(0, harness.GitHub.RetryAfterViolations);
        foreach (var i in Enumerable.Range(1, Learners))
        {
            Assert.Contains(harness.GitHub.State.Repos[$"academy/celery-learner{i}"].Issues, issue =>
                issue.Title.StartsWith("Module 01:", StringComparison.Ordinal));
        }

        var creations = harness.GitHub.ContentCreations.ToArray();
        var usage = CreationRate.Of(creations);
        Assert.True(creations.Length > 500, $"{creations.Length} creations do not cross the hourly limit: raise {nameof(Learners)}");
        Assert.InRange(usage.BusiestMinute, 1, 80);
        Assert.Equal(500, usage.BusiestHour);
        // Every complete hour of the run used at least 90 % of the hourly limit: the pacing waits no longer than it must.
        Assert.True(usage.LeanestFullHour >= 450, $"the leanest complete hour: {usage}; {Hours(creations)}");
    }

    private static string Hours(DateTimeOffset[] creations) => string.Join(
        ", ", creations.GroupBy(t => (int)((t - creations.Min()) / TimeSpan.FromMinutes(10))).Select(g => $"{g.Key * 10}m: {g.Count()}"));

    /// <summary>The pacing as shipped: the harness lifts it for journeys on real time.</summary>
    private static Dictionary<string, string?> ShippedPacing => new()
    {
        ["CourseBot:GitHub:Resilience:ContentCreationSpacing"] = "00:00:01",
        ["CourseBot:GitHub:Resilience:ContentCreationPerMinute"] = "80",
        ["CourseBot:GitHub:Resilience:ContentCreationPerHour"] = "500",
        ["CourseBot:Queue:IdlePoll"] = "00:00:00.200",
        // Enrollments are queued straight into SQLite (no webhook intake to journal), and the journal pump's 5 ms poll on the
        // shared clock would be its next timer for ever: the virtual clock would crawl 5 ms at a time.
        ["CourseBot:Queue:Journal"] = "false",
    };
}
