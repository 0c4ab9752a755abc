using System.Text.Json;
using CourseBot.Grading;
using CourseBot.Grading.Reporting;
using CourseBot.Grading.Sandbox;
using CourseBot.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace CourseBot.Tests.Grading;

/// <summary>
/// Two labs graded in one run of the Action, as root with real Celery and Redis: the first lab's
/// code plants links where root might go next, leaves files in the shared folders and starts a
/// fork-and-exit chain; the second lab must be graded as if the first had never run.
/// </summary>
[Collection(GradingTestGroup.Name)]
public sealed class LabIsolationTests(RedisServer redis)
{
    private const string TasksPy =
        "from celery import Celery\n\napp = Celery('tasks')\n"
        + "app.conf.update(task_serializer='json', result_serializer='json', accept_content=['json'])\n\n"
        + "@app.task\ndef add(x, y):\n    return x + y\n\n@app.task\ndef mul(x, y):\n    return x * y\n\n@app.task\ndef xsum(numbers):\n   "
        + " return sum(numbers)\n";

    // Each generation starts the next and exits at once: a new pid every few milliseconds, never a long-lived process.
    private const string ChainSh = "#!/bin/sh\necho \"$$\" > \"$1\"\nsh \"$0\" \"$1\" &\nexit 0\n";

    [Fact]
    public async Task Action_SecondLabAfterAHostileFirst_RootFollowsNoLinkAndNothingSurvives()
    {
        var marker = "cb-" + Guid.NewGuid().ToString("N")[..12];
        using var canary = new Canary();
        var curriculum = Directory.CreateTempSubdirectory("coursebot-isolation-").FullName;
        WriteLab(curriculum, "attack-lab", $$"""
            title: Attack
            checks:
              - name: plant links and leave files
                kind: command
                run: >-
                  ln -s {{canary.Folder}} /var/tmp/coursebot-learner 2>/dev/null;
                  ln -s {{canary.Folder}} /var/tmp/{{marker}}-home;
                  ln -s {{canary.Secret}} /tmp/{{marker}}-link;
                  mkdir /tmp/{{marker}}-dir && ln -s {{canary.Folder}} /tmp/{{marker}}-dir/inner;
                  echo leftover > /dev/shm/{{marker}}; echo leftover > /tmp/{{marker}}-file;
                  ln -s {{canary.Folder}} "$HOME/canary"; ln -s {{canary.Folder}} "$TMPDIR/canary"; ln -s {{canary.Secret}} canary-file;
                  echo planted
                output: planted
                points: 1
              - name: start a fork-and-exit chain
                kind: command
                run: "sh chain.sh /dev/shm/{{marker}}-alive & sleep 0.5; cat /dev/shm/{{marker}}-alive >/dev/null && echo running"
                output: running
                points: 1
              - name: the chain is gone after its check
                kind: command
                run: "a=$(cat /dev/shm/{{marker}}-alive); sleep 0.5; \
                  b=$(cat /dev/shm/{{marker}}-alive); [ \"$a\" = \"$b\" ] && echo stopped"
                output: stopped
                points: 1
              - { name: plant a link in the sandbox folder, kind: command,
                  run: "ln -s / \"$HOME/../escape\" && echo planted", output: planted, points: 1 }
              - { name: plant a link beside the sandboxes, kind: command,
                  run: "ln -s / {{SandboxFolders.DefaultParent}}/escape && echo planted", output: planted, points: 1 }
            """, new Dictionary<string, string>());
        WriteLab(curriculum, "victim-lab", $$"""
            title: Victim
            worker: { app: tasks, queues: [celery], concurrency: 1, pool: solo }
            checks:
              - { name: tasks, kind: celery, tests: test_tasks.py, points: 3 }
              - name: read what the first lab left
                kind: command
                run: >-
                  cat /dev/shm/{{marker}} /tmp/{{marker}}-file /tmp/{{marker}}-link /var/tmp/{{marker}}-home/secret.txt 2>/dev/null;
                  sed 's/^/alive:/' /dev/shm/{{marker}}-alive 2>/dev/null; true
                output: "leftover|canary|alive:"
                comparison: regex
                points: 1
              - name: read the hidden tests
                kind: command
                run: "ls \"$HOME/..\" 2>/dev/null; cat \"$HOME/../hidden/test_tasks.py\" 2>/dev/null; true"
                output: "def test_|hidden"
                comparison: regex
                points: 1
            """, new Dictionary<string, string>
        {
            ["test_tasks.py"] = File.ReadAllText(Path.Combine(
                Workspace.Curriculum, "modules", "01-demo", "labs", "tasks-lab", "hidden", "test_tasks.py")),
        });

        using var workspace = new Workspace(new Dictionary<string, string>
        {
            ["labs/demo/attack-lab/chain.sh"] = ChainSh,
            ["labs/demo/victim-lab/tasks.py"] = TasksPy,
        });
        var results = Directory.CreateTempSubdirectory("coursebot-results-").FullName;
        var sandboxesBefore = Directory.EnumerateDirectories(SandboxFolders.DefaultParent).ToHashSet(StringComparer.Ordinal);
        try
        {
            var (exit, log) = await RunActionAsync(curriculum, workspace, results, "demo/attack-lab", "demo/victim-lab");

            var attack = ReadResult(results, "demo-attack-lab");
            var victim = ReadResult(results, "demo-victim-lab");
            Assert.True(exit == 1, log);
            Assert.Equal(
                [("plant links and leave files", TestStatus.Passed), ("start a fork-and-exit chain", TestStatus.Passed),
                 ("the chain is gone after its check", TestStatus.Passed),
                 ("plant a link in the sandbox folder", TestStatus.Failed), ("plant a link beside the sandboxes", TestStatus.Failed)],
                attack.Tests.Select(t => (t.Name, t.Status)));
            Assert.Equal((3.0, 5.0), (attack.Score, attack.MaxScore));
            Assert.True(victim.Tests.Where(t => t.Kind == "celery").All(t => t.Status == TestStatus.Passed), log);
            Assert.NotEqual(TestStatus.Passed, Assert.Single(victim.Tests, t => t.Name == "read what the first lab left").Status);
            Assert.NotEqual(TestStatus.Passed, Assert.Single(victim.Tests, t => t.Name == "read the hidden tests").Status);
            Assert.Equal((3.0, 5.0), (Math.Round(victim.Score, 2), victim.MaxScore));
            Assert.True(attack.Isolated && victim.Isolated);

            canary.AssertUnchanged();
            Assert.Empty(Leftovers(marker));
            await Task.Delay(500);
            Assert.Empty(GraderTests.LearnerProcesses());
            Assert.False(File.Exists($"/dev/shm/{marker}-alive"), "the fork-and-exit chain outlived its check");
            // Lab proofs may be grading beside this test in sandboxes of their own (their users have other prefixes).
            Assert.DoesNotContain(Directory.EnumerateDirectories(SandboxFolders.DefaultParent), d =>
                !sandboxesBefore.Contains(d) && IsOurs(d)
            );
            var users = File.ReadLines("/etc/passwd").Select(l => l.Split(':'));
            Assert.DoesNotContain(users, f => f[0].StartsWith(UserPrefix + "-", StringComparison.Ordinal));
        }
        finally
        {
            Directory.Delete(results, recursive: true);
            Directory.Delete(curriculum, recursive: true);
            // Only when the grader failed to: a link is removed as a link, a folder with what is in it.
            foreach (var leftover in Leftovers(marker))
            {
                if (
                    new FileInfo(leftover) is { LinkTarget: null, Attributes: var attributes }
                    && attributes.HasFlag(FileAttributes.Directory)
                )
                {
                    Directory.Delete(leftover, recursive: true);
                }
                else
                {
                    File.Delete(leftover);
                }
            }
        }
    }

    [Fact]
    public async Task Action_SandboxCannotBeMadeSafely_StopsGradingWithAnError()
    {
        var results = Directory.CreateTempSubdirectory("coursebot-results-").FullName;
        using var workspace = new Workspace(GraderTests.GoodGreeter);
        var log = new StringWriter();
        using var http = new HttpClient();
        try
        {
            var exit = await ActionRunner.RunAsync(
                new ActionContext
                {
                    Workspace = workspace.Root,
                    Curriculum = Workspace.Curriculum,
                    Lab = "greeter-lab",
                    ResultDirectory = results,
                    DryRun = true,
                },
                new GradingEnvironment(),
                new SandboxOptions { SandboxParent = Path.Combine(Path.GetTempPath(), "coursebot-unsafe-parent") },
                log,
                http,
                CancellationToken.None);

            Assert.Equal(2, exit);
            Assert.Contains("grading stopped at greeter-lab", log.ToString(), StringComparison.Ordinal);
            Assert.Contains("/tmp must belong to root and be writable by no one else", log.ToString(), StringComparison.Ordinal);
            Assert.Empty(Directory.EnumerateFiles(results, "*.json"));
        }
        finally
        {
            Directory.Delete(results, recursive: true);
        }
    }

    private async Task<(int Exit, string Log)> RunActionAsync(string curriculum, Workspace workspace, string results, params string[] labs)
    {
        await using var action = await BotBackedAction.StartAsync(curriculum, labs);
        return await action.RunAsync(
            workspace.Root, results, new GradingEnvironment { BrokerUrl = redis.Url(0), BackendUrl = redis.Url(1) }, dryRun: true,
            sandbox: new SandboxOptions { LearnerUser = UserPrefix });
    }

    private static void WriteLab(string curriculum, string id, string yaml, Dictionary<string, string> hidden)
    {
        var folder = Path.Combine(curriculum, "modules", "01-demo", "labs", id);
        Directory.CreateDirectory(Path.Combine(folder, "hidden"));
        File.WriteAllText(Path.Combine(folder, "lab.yml"), yaml);
        foreach (var (name, content) in hidden)
        {
            File.WriteAllText(Path.Combine(folder, "hidden", name), content);
        }
    }

    // This test's own user prefix: other grading tests (and lab proofs) may run beside it with theirs, and their users
    // come and go while it checks that its own are gone.
    private const string UserPrefix = "cb-isolation";

    /// <summary>A sandbox whose home belongs to one of this test's lab users, or to a user already deleted.</summary>
    private static bool IsOurs(string sandbox)
    {
        var info = new System.Diagnostics.ProcessStartInfo("stat", ["-c", "%U", Path.Combine(sandbox, "home")])
        {
            RedirectStandardOutput = true,
        };
        using var process = System.Diagnostics.Process.Start(info)!;
        var owner = process.StandardOutput.ReadToEnd().Trim();
        process.WaitForExit();
        return owner == "UNKNOWN" || owner.StartsWith(UserPrefix + "-", StringComparison.Ordinal);
    }

    private static GradeResult ReadResult(string results, string name) =>
        JsonSerializer.Deserialize(File.ReadAllText(Path.Combine(results, name + ".json")), GradeResultJsonContext.Default.GradeResult)!;

    private static readonly string[] Shared = ["/tmp", "/var/tmp", "/dev/shm"];

    private static List<string> Leftovers(string marker) =>
        Shared.SelectMany(f => Directory.EnumerateFileSystemEntries(f, marker + "*")).ToList();

    /// <summary>A root-owned folder (0755) with a file (0644) and a sub-folder: what root must never change for a learner.</summary>
    private sealed class Canary : IDisposable
    {
        private readonly List<(string Path, UnixFileMode Mode)> _entries;

        public Canary()
        {
            Folder = Directory.CreateTempSubdirectory("coursebot-canary-").FullName;
            File.SetUnixFileMode(Folder, (UnixFileMode)0x1ED);
            Secret = Path.Combine(Folder, "secret.txt");
            File.WriteAllText(Secret, "canary");
            File.SetUnixFileMode(Secret, (UnixFileMode)0x1A4);
            var inner = Directory.CreateDirectory(Path.Combine(Folder, "inner")).FullName;
            File.WriteAllText(Path.Combine(inner, "kept.txt"), "canary");
            _entries = new[] { Folder, Secret, inner, Path.Combine(inner, "kept.txt") }.Select(p => (p, File.GetUnixFileMode(p))).ToList();
        }

        public string Folder { get; }

        public string Secret { get; }

        public void AssertUnchanged()
        {
            foreach (var (path, mode) in _entries)
            {
                Assert.True(Path.Exists(path), $"{path} was removed");
                Assert.Equal(mode, File.GetUnixFileMode(path));
                Assert.Equal(0u, Owner(path));
            }

            Assert.Equal("canary", File.ReadAllText(Secret));
            Assert.Equal(["inner", "secret.txt"], Directory.EnumerateFileSystemEntries(Folder).Select(Path.GetFileName).Order());
        }

        public void Dispose() => Directory.Delete(Folder, recursive: true);

        private static uint Owner(string path)
        {
            var info = new System.Diagnostics.ProcessStartInfo("stat", ["-c", "%u", path]) { RedirectStandardOutput = true };
            using var process = System.Diagnostics.Process.Start(info)!;
            var owner = process.StandardOutput.ReadToEnd().Trim();
            process.WaitForExit();
            return uint.Parse(owner, System.Globalization.CultureInfo.InvariantCulture);
        }
    }
}
