using CourseBot.Core.Journey.History;

namespace CourseBot.Tests.Journey;

/// <summary><c>coursebot enroll</c> queues a Classroom roster into the running bot's store; the bot enrolls each learner once.</summary>
[Collection(JourneyGroup.Name)]
public sealed class RosterEnrollmentTests
{
    [Fact]
    public async Task EnrollCommand_QueuesTheRoster_TheRunningBotCreatesEachRepository_Once()
    {
        await using var harness = await JourneyHarness.StartAsync();
        var roster = Path.Combine(harness.DataDirectory, "roster.csv");
        await File.WriteAllTextAsync(
            roster,
            "identifier,github_username,github_id,name\nada@x.edu,ada,1,Ada\nlin@x.edu,lin,2,Lin\nno-account@x.edu,,,Nobody\n"
        );
        string[] args =
        [
            "enroll",
            "--cohort",
            "spring-2027",
            "--path",
            "fundamentals",
            "--pace",
            "full-time",
            "--start",
            "2027-01-04",
            "--curriculum",
            RepositoryPaths.Curriculum,
            "--data",
            harness.DataDirectory,
            roster,
        ];

        var exit = await CourseBot.Cli.Commands.CourseBotCommandLine.Build().Parse(args).InvokeAsync();
        Assert.Equal(1, exit); // one row could not be enrolled, and says so
        await harness.IdleAsync();
        foreach (var login in new[] { "ada", "lin" })
        {
            var repository = $"academy/celery-{login}";
            Assert.True(harness.GitHub.State.Repos[repository].Invitations.ContainsKey(login));
            Assert.Single(harness.GitHub.State.Repos[repository].Issues, i => i.Title.StartsWith("Module 01:", StringComparison.Ordinal));
            var enrolled = Assert.Single(await harness.History.ReadAsync(repository, CancellationToken.None), e =>
                e.Kind == LearnerEventKinds.Enrolled
            );
            Assert.Equal("spring-2027", LearnerEventJson.Read<Enrolled>(enrolled)!.Cohort);
            Assert.Contains(
                "Pace: **Full-time (bootcamp style)**, started 2027-01-04",
                harness.GitHub.ReadFile(repository, "README.md"),
                StringComparison.Ordinal
            );
            Assert.Contains(harness.GitHub.State.Repos[repository].Milestones, m =>
                m.Title.StartsWith("Week 1:", StringComparison.Ordinal)
            );
        }

        // The same roster again queues nothing new and changes nothing.
        var calls = harness.GitHub.TotalCalls;
        Assert.Equal(1, await CourseBot.Cli.Commands.CourseBotCommandLine.Build().Parse(args).InvokeAsync());
        await harness.IdleAsync();
        Assert.Equal(calls, harness.GitHub.TotalCalls);
    }
}
