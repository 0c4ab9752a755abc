namespace CourseBot.Tests.Journey;

/// <summary>An organisation set up wrongly: the learner is told, and the enrollment waits for a replay instead of being lost.</summary>
[Collection(JourneyGroup.Name)]
public sealed class BrokenSetupTests
{
    [Fact]
    public async Task MissingTemplate_TellsTheLearner_AndReplayEnrollsOnceFixed()
    {
        var settings = new Dictionary<string, string?>
        {
            ["CourseBot:Journey:TemplateRepository"] = "academy/no-such-template",
            ["CourseBot:Queue:MaxAttempts"] = "1",
        };
        await using var harness = await JourneyHarness.StartAsync(settings);
        const string Body = "### Path\n\nfundamentals\n\n### Pace\n\npart-time";
        var enroll = harness.GitHub.OpenIssueAs(JourneyHarness.CourseRepository, "ada", "[Enroll] ada", Body, "enroll");
        await harness.SendAsync(harness.IssueOpened(JourneyHarness.CourseRepository, enroll.Number, "ada", "[Enroll] ada", Body, "enroll"));
        await harness.DrainedAsync();

        Assert.Contains(
            "the course is not fully set up",
            harness.GitHub.CommentsOn(JourneyHarness.CourseRepository, enroll.Number).Single().Body,
            StringComparison.Ordinal
        );
        var dead = Assert.Single(await harness.Inbox.DeadLettersAsync(CancellationToken.None));
        Assert.Contains("academy/no-such-template does not exist", dead.Error, StringComparison.Ordinal);

        // The admin publishes the template under the configured name; a replay finishes the enrollment.
        harness.GitHub.AddRepository(JourneyHarness.Org, "no-such-template", JourneyHarness.TemplateFiles(), template: true);
        Assert.Equal(1, await harness.Inbox.ReplayAsync(null, CancellationToken.None));
        await harness.IdleAsync();
        Assert.Contains(
            "Welcome, @ada",
            harness.GitHub.CommentsOn(JourneyHarness.CourseRepository, enroll.Number)[^1].Body,
            StringComparison.Ordinal
        );
        Assert.True(harness.GitHub.State.Repos.ContainsKey("academy/celery-ada"));
        Assert.Equal("closed", harness.GitHub.Issue(JourneyHarness.CourseRepository, enroll.Number)!.State);
    }
}
