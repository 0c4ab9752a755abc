using CourseBot.Grading.Reporting;
using CourseBot.Tests.Infrastructure;

namespace CourseBot.Tests.Grading;

/// <summary>
/// A learner who wants the grade without the work. Each check below is an attack whose output
/// says it worked; every one of them must fail, and nothing outside the sandbox may change.
/// </summary>
[Collection(GradingTestGroup.Name)]
public sealed class CheatingTests(RedisServer redis)
{
    [Fact]
    public async Task Grade_LearnerAttacks_AllFailAndChangeNothing()
    {
        var marker = Guid.NewGuid().ToString("N");
        var late = Path.Combine(Path.GetTempPath(), $"coursebot-late-{marker}");
        var outputs = Path.Combine(Path.GetTempPath(), $"coursebot-outputs-{marker}");
        File.WriteAllText(outputs, "");
        using var workspace = new Workspace(new Dictionary<string, string> { ["README.md"] = "x" });
        File.CreateSymbolicLink(Path.Combine(workspace.Root, "link.txt"), "/etc/shadow");
        Environment.SetEnvironmentVariable("GITHUB_TOKEN", "ghs_fake_" + marker);
        try
        {
            using var harness = new GradingHarness(redis).WithLab("cheat-lab", $$"""
                title: Cheat
                workdir: .
                checks:
                  - { name: read hidden tests, kind: command, run: "cat ../hidden/secret.txt", output: TOPSECRET, points: 1 }
                  - { name: list the sandbox, kind: command, run: "ls ..", output: hidden, points: 1 }
                  - { name: read the course checkout, kind: command,
                      run: "cat $(find / -path '*labs/cheat-lab/hidden/secret.txt' 2>/dev/null)", output: TOPSECRET, points: 1 }
                  - { name: read the grader environment, kind: command,
                      run: "tr '\\0' '\\n' < /proc/$PPID/environ", output: "PATH=", points: 1 }
                  - { name: inherit runner secrets, kind: command, run: "env; cat /proc/self/environ", output: "ghs_fake", points: 1 }
                  - { name: forge the test report, kind: command,
                      run: "echo '<testsuite/>' > ../results/junit-1.xml && echo wrote", output: wrote, points: 1 }
                  - { name: write the step outputs, kind: command,
                      run: "echo score=100 >> {{outputs}} && echo wrote", output: wrote, points: 1 }
                  - { name: change the runner workspace, kind: command,
                      run: "touch {{workspace.Root}}/pwned && echo wrote", output: wrote, points: 1 }
                  - { name: kill the grader, kind: command, run: "kill -9 $PPID && echo killed", output: killed, points: 1 }
                  - { name: read a root file through a link, kind: command, run: "cat link.txt", output: "root:", points: 1 }
                  - { name: link a root file into a file check, kind: file, path: link.txt, matches: "root:", points: 1 }
                  - { name: become root, kind: command,
                      run: "sudo -n id -u || su -c 'id -u' root </dev/null", output: "0", comparison: exact, points: 1 }
                  - { name: leave a daemon behind, kind: command,
                      run: "(sleep 1; touch {{late}}) >/dev/null 2>&1 & echo started", output: never, points: 1 }
                  - { name: fork bomb, kind: command,
                      run: "b() { b | b & }; b; sleep 10", comparison: exit-code, timeout_seconds: 2, points: 1 }
                """, new Dictionary<string, string> { ["secret.txt"] = "TOPSECRET" });

            var (exit, result) = await harness.GradeAsync("cheat-lab", workspace);

            Assert.Equal(1, exit);
            Assert.NotNull(result);
            Assert.Equal(14, result.Tests.Count);
            Assert.All(result.Tests, t => Assert.True(t.Status != TestStatus.Passed, $"attack '{t.Name}' worked: {t.Output}"));
            Assert.Equal(0, result.Score);
            Assert.False(File.Exists(Path.Combine(workspace.Root, "pwned")));
            Assert.Equal("", File.ReadAllText(outputs));
            await Task.Delay(1500);
            Assert.False(File.Exists(late), "a process left behind by the learner kept running after its check");
            Assert.Empty(GraderTests.LearnerProcesses());
        }
        finally
        {
            Environment.SetEnvironmentVariable("GITHUB_TOKEN", null);
            File.Delete(outputs);
        }
    }

    [Fact]
    public async Task Grade_WorkerReturningPickle_IsNeverUnpickledByTheGrader()
    {
        var marker = Path.Combine(Path.GetTempPath(), "coursebot-unpickled-" + Guid.NewGuid().ToString("N"));
        using var harness = new GradingHarness(redis);
        using var workspace = new Workspace(new Dictionary<string, string>
        {
            ["labs/demo/tasks-lab/tasks.py"] = $$"""
                import os
                from celery import Celery

                app = Celery('tasks')
                app.conf.update(result_serializer='pickle', accept_content=['json', 'pickle'])

                class Exploit:
                    def __reduce__(self):
                        return (os.system, ('touch {{marker}}',))

                @app.task
                def add(x, y):
                    return Exploit()

                @app.task
                def mul(x, y):
                    return Exploit()

                @app.task
                def xsum(numbers):
                    return Exploit()

                """,
        });
        var (_, result) = await harness.GradeAsync("tasks-lab", workspace);
        Assert.Equal(TestStatus.Failed, Assert.Single(result!.Tests, t => t.Name == "tasks: add returns the sum").Status);
        Assert.False(File.Exists(marker), "the grader unpickled a learner's result");
    }
}
