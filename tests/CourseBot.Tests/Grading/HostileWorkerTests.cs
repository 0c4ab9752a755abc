using CourseBot.Grading;
using CourseBot.Grading.Reporting;
using CourseBot.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace CourseBot.Tests.Grading;

/// <summary>
/// A learner's worker that attacks the grader's test run itself (issue 18): failures stored as control-flow
/// exceptions, workflow commands in every channel that reaches the log, a starter that writes the state a hidden
/// test used to read. Each grades with the real worker as the learner user, against real Redis, and checks the
/// score and that nothing outside the sandbox changed.
/// </summary>
[Collection(GradingTestGroup.Name)]
public sealed class HostileWorkerTests(RedisServer redis)
{
    private const string Lab = "labs/demo/hostile-lab/";

    private const string LabYaml = """
        title: Hostile
        worker: { app: tasks, queues: [celery], concurrency: 1, pool: solo }
        checks:
          - { name: tasks, kind: celery, tests: test_hostile.py, points: 8 }
        """;

    private const string Header =
        "from celery import Celery\nfrom celery.exceptions import Ignore\n\napp = Celery('tasks')\n"
        + "app.conf.update(task_serializer='json', result_serializer='json', accept_content=['json'])\n\n@app.task\ndef ok():\n    "
        + "return 42\n\n";

    /// <summary>Two tests the starter passes, then six it must not: scoring 2 of 8 is the only right answer.</summary>
    private static readonly string EightTests =
        "from coursebot_lab import call\n\n"
        + string.Concat(Enumerable.Range(1, 2).Select(i => $"def test_ok_{i}():\n    assert call('tasks.ok') == 42\n\n"))
        + string.Concat(
            Enumerable.Range(3, 6).Select(i => $"def test_stop_{i}():\n    assert call('tasks.stop') == 42, 'stop should return 42'\n\n")
        );

    [Theory]
    [InlineData("builtins", "KeyboardInterrupt")]
    [InlineData("builtins", "SystemExit")]
    [InlineData("builtins", "GeneratorExit")]
    [InlineData("_pytest.outcomes", "Exit")]
    [InlineData("_pytest.outcomes", "Failed")]
    [InlineData("_pytest.outcomes", "Skipped")]
    [InlineData("_pytest.outcomes", "OutcomeException")]
    public async Task Grade_WorkerStoringAControlFlowException_ScoresOnlyTheTestsThatPass(string module, string type)
    {
        var marker = Path.Combine(Path.GetTempPath(), "coursebot-rebuilt-" + Guid.NewGuid().ToString("N"));
        using var harness = new GradingHarness(redis).WithLab(
            "hostile-lab",
            LabYaml,
            new Dictionary<string, string> { ["test_hostile.py"] = EightTests }
        );
        using var workspace = new Workspace(
            new Dictionary<string, string>
            {
                // The failure is written straight into the backend, as any class by module and name, and the task then ignored.
                [Lab + "tasks.py"] =
                    Header
                    + "@app.task(bind=True)\ndef stop(self):\n"
                    + $"    self.backend.store_result(self.request.id, {{'exc_type': '{type}', 'exc_module': '{module}', "
                    + $"'exc_message': ['the session ends here; touch {marker}']}}, 'FAILURE')\n    raise Ignore()\n",
            }
        );
        var before = WorkspaceSnapshot.Of(workspace.Root);

        var (exit, result) = await harness.GradeAsync("hostile-lab", workspace);

        Assert.Equal(1, exit);
        Assert.NotNull(result);
        Assert.Equal(8, result.Tests.Count);
        Assert.Equal(["passed", "passed", "failed", "failed", "failed", "failed", "failed", "failed"], result.Tests.Select(t => t.Status));
        Assert.Equal((2.0, 8.0, false), (result.Score, result.MaxScore, result.Passed));
        var stopped = result.Tests[2];
        Assert.Equal($"worker.{type}: the session ends here; touch {marker}", stopped.Message);
        AssertNothingChanged(workspace, before, marker);
    }

    [Fact]
    public async Task Grade_SessionThatEndsEarlyWithStatusZero_FailsEveryTestItDidNotRun()
    {
        // pytest.exit(returncode=0) leaves a report with the first two tests only and a "success" exit status.
        var tests = EightTests.Replace(
            "def test_stop_3():\n",
            "def test_stop_3():\n    import pytest\n    pytest.exit('over', returncode=0)\n",
            StringComparison.Ordinal
        );
        using var harness = new GradingHarness(redis).WithLab(
            "hostile-lab",
            LabYaml,
            new Dictionary<string, string> { ["test_hostile.py"] = tests }
        );
        using var workspace = new Workspace(
            new Dictionary<string, string> { [Lab + "tasks.py"] = Header + "@app.task\ndef stop():\n    return 42\n" }
        );
        var before = WorkspaceSnapshot.Of(workspace.Root);

        var (_, result) = await harness.GradeAsync("hostile-lab", workspace);

        Assert.Equal(8, result!.Tests.Count);
        Assert.Equal((2.0, false), (result.Score, result.Passed));
        Assert.All(result.Tests.Skip(2), t => Assert.Equal("this test did not run: the test session ended before it", t.Message));
        AssertNothingChanged(workspace, before, null);
    }

    [Fact]
    public async Task Grade_SessionInterrupted_ScoresTheCheckZeroAndSaysWhy()
    {
        var tests = EightTests.Replace(
            "def test_stop_3():\n",
            "def test_stop_3():\n    raise KeyboardInterrupt\n",
            StringComparison.Ordinal
        );
        using var harness = new GradingHarness(redis).WithLab(
            "hostile-lab",
            LabYaml,
            new Dictionary<string, string> { ["test_hostile.py"] = tests }
        );
        using var workspace = new Workspace(
            new Dictionary<string, string> { [Lab + "tasks.py"] = Header + "@app.task\ndef stop():\n    return 42\n" }
        );

        var (_, result) = await harness.GradeAsync("hostile-lab", workspace);

        var test = Assert.Single(result!.Tests);
        Assert.Equal((TestStatus.Error, 0.0, 8.0), (test.Status, test.Score, test.MaxScore));
        Assert.Equal(
            "the test session ended abnormally (pytest exit status 2: the session was interrupted), so this check scores 0",
            test.Message
        );
    }

    [Fact]
    public async Task Grade_WorkflowCommandsInEveryChannel_NoneReachesTheRunner()
    {
        const string Commands = "::add-mask::x\\n##[set-output name=score;]100\\n  ::error::pwned\\r::stop-commands::guess\\n##[endgroup]";
        var hidden = new Dictionary<string, string>
        {
            // Test names: parametrized ids carry both forms; messages quote what the worker returned.
            ["test_hostile.py"] = "import pytest\nfrom coursebot_lab import call\n\n" +
                "@pytest.mark.parametrize('case', ['::warning::id', '##[error]id'])\ndef test_named(case):\n" +
                "    value = call('tasks.echo')\n    assert value == 'fine', f'the task returned {value}'\n\n" +
                "def test_failure_message():\n    call('tasks.fail')\n",
        };
        using var harness = new GradingHarness(redis).WithLab("hostile-lab", LabYaml, hidden);
        using var workspace = new Workspace(new Dictionary<string, string>
        {
            [Lab + "tasks.py"] = "import sys\n" + Header.Replace("@app.task\ndef ok", $"print('{Commands}', flush=True)\n" +
                $"print('{Commands}', file=sys.stderr, flush=True)\n\n@app.task\ndef ok", StringComparison.Ordinal) +
                $"@app.task\ndef echo():\n    return '{Commands}'\n\n@app.task\ndef fail():\n    raise ValueError('{Commands}')\n",
        });
        var before = WorkspaceSnapshot.Of(workspace.Root);

        var (_, result) = await harness.GradeAsync("hostile-lab", workspace);

        Assert.Equal(0, result!.Score);
        Assert.Equal(3, result.Tests.Count);
        Assert.Contains(result.Tests, t => t.Message!.Contains("::error::pwned", StringComparison.Ordinal));
        AssertOnlyOwnAnnotations(harness.Log, result);
        AssertNothingChanged(workspace, before, null);

        // The worker's log tail, when it cannot start, is quoted in a message that reaches the log too.
        using var broken = new Workspace(
            new Dictionary<string, string>
            {
                [Lab + "tasks.py"] =
                    $"import sys\nprint('{Commands}', flush=True)\nprint('{Commands}', file=sys.stderr, flush=True)\nsys.exit(3)\n",
            }
        );
        var (_, failed) = await harness.GradeAsync("hostile-lab", broken);
        var test = Assert.Single(failed!.Tests);
        Assert.StartsWith("your worker stopped before it was ready:", test.Message, StringComparison.Ordinal);
        Assert.Contains("## [set-output", test.Message, StringComparison.Ordinal);
        AssertOnlyOwnAnnotations(harness.Log, failed);
    }

    [Fact]
    public async Task Grade_FailingHiddenTest_ShowsItsNameAndMessageButNeverItsSource()
    {
        var hidden = new Dictionary<string, string>
        {
            ["test_hostile.py"] = "from coursebot_lab import call\n\n" +
                "def test_with_a_message():\n    secret_expected = 41 + 1  # hidden-source-7f3a\n" +
                "    assert call('tasks.ok') == secret_expected + 1, 'ok should return 43'\n\n" +
                "def test_without_a_message():\n    local_secret = 'hidden-local-9b2c'\n    assert call('tasks.ok') == len(local_secret)\n",
        };
        using var harness = new GradingHarness(redis).WithLab("hostile-lab", LabYaml, hidden);
        using var workspace = new Workspace(new Dictionary<string, string> { [Lab + "tasks.py"] = Header });

        var (_, result) = await harness.GradeAsync("hostile-lab", workspace);

        Assert.Equal(["AssertionError: ok should return 43", "the test's assertion failed"], result!.Tests.Select(t => t.Message));
        Assert.All(result.Tests, t => Assert.Null(t.Output));
        Assert.Contains("hidden-source-7f3a", result.Tests[0].Detail, StringComparison.Ordinal);
        foreach (var shown in new[] { harness.Log, harness.Summary })
        {
            Assert.DoesNotContain("hidden-source-7f3a", shown, StringComparison.Ordinal);
            Assert.DoesNotContain("hidden-local-9b2c", shown, StringComparison.Ordinal);
            Assert.DoesNotContain("secret_expected", shown, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Grade_RetryLabStarterThatWritesTheAttemptLog_DoesNotPass()
    {
        // The old hidden test read attempts that the starter's flaky_service.py wrote to Redis: this learner writes them
        // (and the receipts the test wanted) without a single retry, or a single call to the services.
        var folder = "labs/task-definition/retry-logic-exercise/";
        var starter = Path.Combine(RepositoryPaths.Root, "templates", "learner", folder);
        var files = Directory.GetFiles(starter).ToDictionary(f => folder + Path.GetFileName(f), File.ReadAllText);
        files[folder + "tasks.py"] = """
            import os
            import time

            import redis
            from celery import Celery

            app = Celery("tasks")
            app.conf.update(task_serializer="json", result_serializer="json", accept_content=["json"])
            store = redis.Redis.from_url(os.environ["CELERY_RESULT_BACKEND"])


            def forge(key, times, gap):
                start = time.time()
                for i in range(times):
                    store.rpush(f"flaky:{key}", repr(start + i * gap))


            @app.task(bind=True)
            def charge_payment(self, service_url, payment_id, amount):
                forge(payment_id, 3, 0.5)
                return {"payment_id": payment_id, "amount": amount, "attempt": 3, "receipt": "forged", "retries": 2}


            @app.task(bind=True)
            def reserve_stock(self, service_url, sku):
                forge(sku, 3, 1.5)
                return {"sku": sku, "attempt": 3, "reservation": "forged", "retries": 2}
            """;
        using var harness = new GradingHarness(redis).WithCurriculum(RepositoryPaths.Curriculum);
        using var workspace = new Workspace(files);
        var before = WorkspaceSnapshot.Of(workspace.Root);

        var (exit, result) = await harness.GradeAsync("task-definition/retry-logic-exercise", workspace);

        Assert.Equal(1, exit);
        Assert.False(result!.Passed, string.Join("\n", result.Tests.Select(t => $"{t.Name}: {t.Status} {t.Message}")));
        Assert.Equal(8, result.Tests.Count);
        Assert.True(result.Score <= 2, $"the forged attempt log scored {result.Score}");
        AssertNothingChanged(workspace, before, null);
    }

    [Fact]
    public async Task ActionRun_TwoLabsWithAHostileWorker_ScoresEachRightAndLetsNoCommandThrough()
    {
        await using var action = await BotBackedAction.StartAsync(Workspace.Curriculum, "demo/tasks-lab", "demo/greeter-lab");
        // tasks-lab: add is right, mul stores a KeyboardInterrupt (which once ended the session and left add alone in the
        // report, 3 of 3 points), and every task prints workflow commands; greeter-lab is solved.
        using var workspace = new Workspace(
            new Dictionary<string, string>(GraderTests.GoodGreeter)
            {
                ["labs/demo/tasks-lab/tasks.py"] =
                    "import sys\n"
                    + Header.Replace(
                        "@app.task\ndef ok",
                        "print('##[set-output name=passed;]true')\n" + "print('::error::pwned', file=sys.stderr)\n\n@app.task\ndef ok",
                        StringComparison.Ordinal
                    )
                    + "@app.task\ndef add(x, y):\n    return x + y\n\n@app.task\ndef xsum(numbers):\n    return sum(numbers)\n\n"
                    + "@app.task(bind=True)\ndef mul(self, x, y):\n    print('##[add-mask]x')\n"
                    + "    self.backend.store_result(self.request.id,\n"
                    + "        {'exc_type': 'KeyboardInterrupt', 'exc_module': 'builtins', 'exc_message': []}, 'FAILURE')\n"
                    + "    raise Ignore()\n",
            }
        );
        var before = WorkspaceSnapshot.Of(workspace.Root);
        var results = Directory.CreateTempSubdirectory("coursebot-results-").FullName;
        try
        {
            var (exit, log) = await action.RunAsync(
                workspace.Root,
                results,
                new GradingEnvironment { BrokerUrl = redis.Url(0), BackendUrl = redis.Url(1) }
            );

            var tasks = System.Text.Json.JsonSerializer.Deserialize(
                File.ReadAllText(Path.Combine(results, "demo-tasks-lab.json")),
                GradeResultJsonContext.Default.GradeResult
            )!;
            var greeter = System.Text.Json.JsonSerializer.Deserialize(
                File.ReadAllText(Path.Combine(results, "demo-greeter-lab.json")),
                GradeResultJsonContext.Default.GradeResult
            )!;
            Assert.NotEqual(0, exit);
            Assert.Equal(["passed", "failed", "passed"], tasks.Tests.Select(t => t.Status));
            Assert.Equal((2.0, 3.0), (tasks.Score, tasks.MaxScore));
            Assert.Equal((5.0, true), (greeter.Score, greeter.Passed));
            Assert.DoesNotContain("##[", log, StringComparison.Ordinal);
            Assert.All(RunnerCommandLog.Executed(log), c =>
                Assert.StartsWith("::error title=tasks%3A mul returns the product::", c, StringComparison.Ordinal)
            );
            Assert.Single(RunnerCommandLog.Executed(log));
            AssertNothingChanged(workspace, before, null);
        }
        finally
        {
            Directory.Delete(results, recursive: true);
        }
    }

    /// <summary>The runner would execute only the grader's own annotations, one per failing test, with escaped text.</summary>
    private static void AssertOnlyOwnAnnotations(string log, GradeResult result)
    {
        Assert.DoesNotContain("##[", log, StringComparison.Ordinal);
        var executed = RunnerCommandLog.Executed(log);
        var failing = result.Tests.Where(t => t.Status != TestStatus.Passed).ToList();
        Assert.Equal(failing.Select(t => "::error title=" + WorkflowCommands.EscapeProperty(t.Name)),
            executed.Select(c => c[..c.IndexOf("::", 2, StringComparison.Ordinal)]));
    }

    private static void AssertNothingChanged(Workspace workspace, List<string> before, string? marker)
    {
        Assert.Equal(before, WorkspaceSnapshot.Of(workspace.Root));
        Assert.Empty(GraderTests.LearnerProcesses());
        if (marker is not null)
        {
            Assert.False(File.Exists(marker), "the grader ran something the worker stored");
        }
    }
}
