using CourseBot.Core.Journey;
using CourseBot.Core.Journey.History;
using CourseBot.Core.Journey.Sync;
using CourseBot.Core.LabGrading;

namespace CourseBot.Tests.Journey;

/// <summary><c>coursebot regrade</c>'s work against a running bot: one dispatch per learner with the lab open, once per hidden-test
/// version.</summary>
[Collection(JourneyGroup.Name)]
public sealed class RegradeTests
{
    private const string Lab = "first-celery-app/first-app-lab";
    private const string Ada = "academy/celery-ada";

    [Fact]
    public async Task RegradeOfOneLab_DispatchesOneWorkflowPerLearnerWithItOpen_AndItsResultReplacesTheOld()
    {
        await using var harness = await JourneyHarness.StartAsync();
        var script = new LearnerScript(harness, duplicate: false, seed: 6);
        await script.EnrollAsync();
        await script.EnrollAsync("bob"); // module 2 stays locked for bob
        await script.StepAsync(
            script.Comment(1, "grace", "/approve docker-environment-exercise"),
            script.Comment(1, "grace", "/approve async-use-cases-check")
        );
        await script.QuizAsync("intro-distributed-processing", 1, allCorrect: true);
        var push = harness.GitHub.Push(
            Ada,
            new Dictionary<string, string> { ["labs/first-celery-app/first-app-lab/tasks.py"] = "app = 1\n" }
        );
        await script.StepAsync(harness.Pushed(Ada, "ada", push, "labs/first-celery-app/first-app-lab/tasks.py"));
        Assert.Equal(201, await harness.GradeAsync(Ada, Lab, push.After, passed: true));
        await harness.IdleAsync();
        var version = HiddenTestsVersion.Of(RepositoryPaths.Curriculum, Lab)!;
        var graded = (await harness.History.ReadAsync(Ada, CancellationToken.None))
            .Select(LearnerEventJson.Read<LabGraded>)
            .OfType<LabGraded>();
        Assert.Equal(version, Assert.Single(graded).HiddenVersion);
        var dispatchesBefore = harness.GitHub.Dispatches.Count;

        var report = await RegradeQueuing.QueueAsync(
            CeleryCourse.Course,
            harness.History,
            harness.Inbox,
            Lab,
            version,
            null,
            null,
            CancellationToken.None
        );
        Assert.Equal(new RegradeReport(2, 1, 0, 1), report);
        await harness.IdleAsync();
        Assert.Equal((Ada, "grade.yml", "main"), Assert.Single(harness.GitHub.Dispatches.Skip(dispatchesBefore)));
        var again = await RegradeQueuing.QueueAsync(
            CeleryCourse.Course,
            harness.History,
            harness.Inbox,
            Lab,
            version,
            null,
            null,
            CancellationToken.None
        );
        Assert.Equal(new RegradeReport(2, 0, 1, 1), again);
        var otherCohort = await RegradeQueuing.QueueAsync(
            CeleryCourse.Course,
            harness.History,
            harness.Inbox,
            Lab,
            version,
            "autumn",
            null,
            CancellationToken.None
        );
        Assert.Equal(0, otherCohort.Queued);
        await harness.IdleAsync();
        Assert.Single(harness.GitHub.Dispatches.Skip(dispatchesBefore));

        // The regraded run fails the fixed hidden test: it replaces the earlier pass.
        Assert.Equal(201, await harness.GradeAsync(Ada, Lab, push.After, passed: false));
        await harness.IdleAsync();
        var ledger = LearnerLedger.From(Ada, await harness.History.ReadAsync(Ada, CancellationToken.None));
        Assert.False(ledger.Progress(CeleryCourse.Course)!.Module("first-celery-app")!.Find("first-app-lab")!.Done);
    }
}
