using CourseBot.Core.Journey.History;
using CourseBot.Core.Journey.Sync;
using CourseBot.Tests.Infrastructure;

namespace CourseBot.Tests.Journey;

/// <summary>The cohort through enrollment: named on the Enroll form, moved by an instructor, and unenrollment that archives.</summary>
[Collection(JourneyGroup.Name)]
public sealed class CohortEnrollmentTests
{
    private const string Repository = "academy/celery-ada";

    [Fact]
    public async Task CohortFromTheForm_MovedAndUnenrolledByAnInstructorOnly_TheRepositoryArchivedNotDeleted()
    {
        await using var harness = await JourneyHarness.StartAsync();
        var script = new LearnerScript(harness, duplicate: false, seed: 7);
        const string Body =
            "### Path\n\nPath 1: Celery Fundamentals\n\n### Pace\n\nPart-time (most learners)\n\n### Cohort\n\nspring-2027\n\n"
            + "### Start date\n\n2026-12-01";
        var enroll = harness.GitHub.OpenIssueAs(JourneyHarness.CourseRepository, "ada", "[Enroll] ada", Body, "enroll");
        await script.StepAsync(harness.IssueOpened(JourneyHarness.CourseRepository, enroll.Number, "ada", "[Enroll] ada", Body, "enroll"));
        Assert.Equal("spring-2027", (await LedgerAsync(harness)).Enrollment!.Cohort);

        await script.StepAsync(script.Comment(1, "ada", "/cohort autumn-2027"));
        Golden.AssertMatches("cohort-refused.md", LastReply(harness, script));
        await script.StepAsync(script.Comment(1, "ada", "/unenroll"));
        Golden.AssertMatches("unenroll-refused.md", LastReply(harness, script));
        Assert.Equal(
            2,
            harness
                .GitHub.CommentsOn(Repository, script.ModuleIssue(1))
                .Count(c =>
                    c.Body.Contains(
                        "is for instructors (members of the `instructors` team); nothing was recorded",
                        StringComparison.Ordinal
                    )
                )
        );
        Assert.Equal("spring-2027", (await LedgerAsync(harness)).Enrollment!.Cohort);
        Assert.False(harness.GitHub.State.Repos[Repository].Archived);

        await script.StepAsync(script.Comment(1, "grace", "/cohort ../autumn 2027"));
        Golden.AssertMatches("cohort-usage.md", LastReply(harness, script));
        await script.StepAsync(script.Comment(1, "grace", "/cohort spring-2027"));
        Golden.AssertMatches("cohort-unchanged.md", LastReply(harness, script));
        await script.StepAsync(script.Comment(1, "grace", "/cohort autumn-2027"));
        Golden.AssertMatches("cohort-moved.md", LastReply(harness, script));
        var moved = await LedgerAsync(harness);
        Assert.Equal("autumn-2027", moved.Enrollment!.Cohort);
        Assert.Equal("spring-2027", Assert.Single(moved.Events.Select(LearnerEventJson.Read<CohortMoved>).OfType<CohortMoved>()).From);

        await script.StepAsync(script.Comment(1, "grace", "/unenroll"));
        Assert.True(harness.GitHub.State.Repos[Repository].Archived); // archived, still there
        Golden.AssertMatches("unenroll-reply.md", LastReply(harness, script));
        Assert.True((await LedgerAsync(harness)).Unenrolled);
    }

    [Fact]
    public void CohortOnTheForm_MustBeAPlainName()
    {
        var (request, problems) = Core.Journey.Forms.EnrollmentRequest.FromForm(
            CeleryCourse.Course,
            "ada",
            "### Path\n\nfundamentals\n\n### Pace\n\npart-time\n\n### Cohort\n\n../../etc `x`\n\n### Start date\n\n",
            new DateOnly(2026, 12, 7),
            "part-time"
        );
        Assert.Null(request);
        Assert.Contains("**Cohort**", Assert.Single(problems), StringComparison.Ordinal);
    }

    private static string LastReply(JourneyHarness harness, LearnerScript script) =>
        harness.GitHub.CommentsOn(Repository, script.ModuleIssue(1))[^1].Body;

    private static async Task<LearnerLedger> LedgerAsync(JourneyHarness harness) =>
        LearnerLedger.From(Repository, await harness.History.ReadAsync(Repository, CancellationToken.None));
}
