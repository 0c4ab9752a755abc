using CourseBot.Grading.Reporting;
using CourseBot.Tests.Infrastructure;

namespace CourseBot.Tests.Grading;

/// <summary>A Celery lab graded black-box: the learner's real worker (as the learner user) against real Redis; hidden tests talk to it
/// through the broker.</summary>
[Collection(GradingTestGroup.Name)]
public sealed class CeleryLabTests(RedisServer redis)
{
    private const string Lab = "labs/demo/tasks-lab/";

    private const string Header =
        "from celery import Celery\n\napp = Celery('tasks')\napp.conf.update(task_serializer='json', result_serializer='json', "
        + "accept_content=['json'])\n\n";

    [Fact]
    public async Task Grade_WorkingTasks_PassEveryHiddenTest()
    {
        using var harness = new GradingHarness(redis);
        using var workspace = new Workspace(
            new Dictionary<string, string>
            {
                [Lab + "tasks.py"] =
                    Header
                    + "@app.task\ndef add(x, y):\n    return x + y\n\n@app.task\ndef mul(x, y):\n    return x * y\n\n@app.task\ndef "
                    + "xsum(numbers):\n    return sum(numbers)\n",
            }
        );
        var (exit, result) = await harness.GradeAsync("tasks-lab", workspace);
        Assert.True(exit == 0, harness.Log);
        Assert.Equal(3, result!.Tests.Count);
        Assert.All(result.Tests, t => Assert.Equal(("celery", TestStatus.Passed), (t.Kind, t.Status)));
        Assert.Equal(3.0, result.Score, 3);
        Assert.Contains(result.Notes, n => n.StartsWith("Your worker was ready", StringComparison.Ordinal));
        Assert.Empty(GraderTests.LearnerProcesses());
    }

    [Fact]
    public async Task Grade_WrongAndMissingTasks_GetPartialCredit()
    {
        using var harness = new GradingHarness(redis);
        using var workspace = new Workspace(new Dictionary<string, string>
        {
            [Lab + "tasks.py"] = Header + "@app.task\ndef add(x, y):\n    return x + y\n\n@app.task\ndef mul(x, y):\n    return x + y\n",
        });
        var (exit, result) = await harness.GradeAsync("tasks-lab", workspace);
        Assert.Equal(1, exit);
        Assert.Equal(["passed", "failed", "failed"], result!.Tests.Select(t => t.Status));
        Assert.Equal(1.0, result.Score, 3);
        Assert.Contains("tasks: mul returns the product", result.Tests.Select(t => t.Name));
    }

    [Fact]
    public async Task Grade_WorkerThatCannotStart_ReportsWhyOnEveryCheck()
    {
        using var harness = new GradingHarness(redis);
        using var workspace = new Workspace(
            new Dictionary<string, string> { [Lab + "tasks.py"] = "raise SystemExit('broken on import')\n" }
        );
        var (exit, result) = await harness.GradeAsync("tasks-lab", workspace);
        Assert.Equal(1, exit);
        var test = Assert.Single(result!.Tests);
        Assert.Equal(TestStatus.Error, test.Status);
        Assert.StartsWith("your worker stopped before it was ready:", test.Message, StringComparison.Ordinal);
    }
}
