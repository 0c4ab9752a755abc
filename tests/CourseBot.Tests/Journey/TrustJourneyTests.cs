using System.Globalization;
using CourseBot.Core.Journey.History;

namespace CourseBot.Tests.Journey;

/// <summary>
/// The journey as a passer-by and a determined learner would try it, against the emulator: who may
/// enroll (nothing is created for a refused request), and which repository's runs may report grades.
/// </summary>
[Collection(JourneyGroup.Name)]
public sealed class TrustJourneyTests
{
    private const string Body = "### Path\n\nPath 1: Celery Fundamentals\n\n### Pace\n\nPart-time (most learners)\n\n"
        + "### Start date\n\n2026-12-01";
    private static readonly Dictionary<string, int> OneReply = new() { ["POST /repos/{owner}/{repo}/issues/{issue_number}/comments"] = 1 };

    [Fact]
    public async Task NonMember_UnderOrgMembers_IsToldWhy_AndNothingIsCreated()
    {
        await using var harness = await JourneyHarness.StartAsync();
        var before = Writes(harness);
        var issue = await EnrollByFormAsync(harness, "eve");

        var reply = Assert.Single(harness.GitHub.CommentsOn(JourneyHarness.CourseRepository, issue)).Body;
        Assert.Contains("this course is for members of the academy organisation", reply, StringComparison.Ordinal);
        Assert.Contains("Nothing was created", reply, StringComparison.Ordinal);
        Assert.False(harness.GitHub.State.Repos.ContainsKey("academy/celery-eve"));
        Assert.DoesNotContain(harness.GitHub.State.Repos.Values, r => r.Invitations.ContainsKey("eve"));
        // One write: the reply. No repository generated, no invitation, no label, no issue.
        Assert.Equal(OneReply, Delta(before, Writes(harness)));
        Assert.DoesNotContain(await harness.History.LearnersAsync(CancellationToken.None), r => r == "academy/celery-eve");
    }

    [Fact]
    public async Task InvitedButNotYetMember_IsToldToAcceptTheInvitation_AndNothingIsCreated()
    {
        await using var harness = await JourneyHarness.StartAsync();
        harness.GitHub.AddOrgMember(JourneyHarness.Org, "eve", state: "pending");
        var before = Writes(harness);
        var issue = await EnrollByFormAsync(harness, "eve");

        var reply = Assert.Single(harness.GitHub.CommentsOn(JourneyHarness.CourseRepository, issue)).Body;
        Assert.Contains("your invitation to the academy organisation is not accepted yet", reply, StringComparison.Ordinal);
        Assert.False(harness.GitHub.State.Repos.ContainsKey("academy/celery-eve"));
        Assert.Equal(OneReply, Delta(before, Writes(harness)));
    }

    [Theory]
    [InlineData("roster", "eve", "enrolls learners from its roster only")]
    [InlineData("roster", "ada", "enrolls learners from its roster only")]
    [InlineData("everyone", "ada", "is not one of org-members, roster, open")]
    public async Task OtherPolicies_RefuseWithAReason_AndCreateNothing(string policy, string login, string reason)
    {
        await using var harness = await JourneyHarness.StartAsync(Policy(policy));
        var before = Writes(harness);
        var issue = await EnrollByFormAsync(harness, login);

        var reply = Assert.Single(harness.GitHub.CommentsOn(JourneyHarness.CourseRepository, issue)).Body;
        Assert.Contains(reason, reply, StringComparison.Ordinal);
        Assert.False(harness.GitHub.State.Repos.ContainsKey($"academy/celery-{login}"));
        Assert.Equal(OneReply, Delta(before, Writes(harness)));
    }

    [Fact]
    public async Task OpenPolicy_EnrollsAPasserBy()
    {
        await using var harness = await JourneyHarness.StartAsync(Policy("open"));
        var issue = await EnrollByFormAsync(harness, "eve");
        var reply = harness.GitHub.CommentsOn(JourneyHarness.CourseRepository, issue).Single().Body;
        Assert.Contains("Welcome, @eve", reply, StringComparison.Ordinal);
        Assert.True(harness.GitHub.State.Repos.ContainsKey("academy/celery-eve"));
    }

    [Fact]
    public async Task RecreatedRepository_WithTheLearnersName_CannotReportGrades()
    {
        // Module 2's lab opened by hand, so that the test need not pass module 1 first.
        await using var harness = await JourneyHarness.StartAsync(new Dictionary<string, string?>
        {
            ["CourseBot:Grading:Repositories:academy/celery-ada:0"] = "first-celery-app/first-app-lab",
        });
        var script = new LearnerScript(harness, duplicate: false, seed: 11);
        await script.EnrollAsync();
        const string Repository = "academy/celery-ada";
        const string TasksFile = "labs/first-celery-app/first-app-lab/tasks.py";
        var push = harness.GitHub.Push(Repository, new Dictionary<string, string> { [TasksFile] = "app = None\n" });
        await script.StepAsync(harness.Pushed(Repository, "ada", push, TasksFile));
        Assert.Equal(201, await harness.GradeAsync(Repository, "first-celery-app/first-app-lab", push.After, passed: false));
        await harness.IdleAsync();

        // The repository is deleted and another is created under the same name (by whoever can): new ids.
        harness.GitHub.DeleteRepository(Repository);
        var impostor = harness.GitHub.AddRepository("academy", "celery-ada", new Dictionary<string, string> { ["README.md"] = "# mine\n" });
        Assert.Equal(403, await harness.GradeAsync(Repository, "first-celery-app/first-app-lab", push.After, passed: true));

        // A token that names the old id but comes from another organisation is refused too.
        Assert.Equal(403, await harness.GradeAsync(Repository, "first-celery-app/first-app-lab", push.After, passed: true,
            c => c["repository_owner_id"] = harness.GitHub.AccountId("elsewhere").ToString(CultureInfo.InvariantCulture)));
        var history = await harness.History.ReadAsync(Repository, CancellationToken.None);
        var grades = history.Where(e => e.Kind == LearnerEventKinds.LabGraded).ToList();
        Assert.False(LearnerEventJson.Read<LabGraded>(Assert.Single(grades))!.Passed);
        Assert.NotEqual(0, impostor.Id);
    }

    private static async Task<int> EnrollByFormAsync(JourneyHarness harness, string login)
    {
        var enroll = harness.GitHub.OpenIssueAs(JourneyHarness.CourseRepository, login, "[Enroll] " + login, Body, "enroll");
        var opened = harness.IssueOpened(JourneyHarness.CourseRepository, enroll.Number, login, "[Enroll] " + login, Body, "enroll");
        await harness.SendAsync(opened);
        await harness.IdleAsync();
        return enroll.Number;
    }

    /// <summary>Calls that change GitHub, by route.</summary>
    private static Dictionary<string, int> Writes(JourneyHarness harness) =>
        harness.GitHub.Calls.Where(c => !c.Key.StartsWith("GET ", StringComparison.Ordinal) && c.Key.Contains(' ', StringComparison.Ordinal)
            && !c.Key.EndsWith("/access_tokens", StringComparison.Ordinal)).ToDictionary(c => c.Key, c => c.Value, StringComparer.Ordinal);

    private static Dictionary<string, int> Delta(Dictionary<string, int> before, Dictionary<string, int> after) =>
        after.Select(a => (a.Key, Count: a.Value - before.GetValueOrDefault(a.Key)))
            .Where(a => a.Count > 0)
            .ToDictionary(a => a.Key, a => a.Count, StringComparer.Ordinal);

    private static Dictionary<string, string?> Policy(string policy) => new() { ["CourseBot:Journey:Enrollment"] = policy };
}
