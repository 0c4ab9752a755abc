using System.Net.Sockets;
using System.Text;
using CourseBot.Grading;
using CourseBot.Grading.Checks;
using CourseBot.Grading.Labs;
using CourseBot.Grading.Reporting;
using CourseBot.Grading.Sandbox;
using CourseBot.Tests.Infrastructure;

namespace CourseBot.Tests.Grading;

/// <summary>
/// Every check and hidden test of a lab gets <c>COURSEBOT_SEED</c> (fresh per lab, or fixed to reproduce a run) and the
/// result's notes report it; each lab starts on empty Redis databases, so one lab of a run never sees another's keys.
/// </summary>
[Collection(GradingTestGroup.Name)]
public sealed class GradingSeedAndRedisTests(RedisServer redis)
{
    private const string LabYaml = """
        title: Seeded
        checks:
          - name: command sees the seed
            kind: command
            run: printenv COURSEBOT_SEED
            output: '^[0-9]+$'
            comparison: regex
            points: 1
          - name: hidden test sees the seed
            kind: white-box
            tests: test_seed.py
            points: 1
        """;

    private const string HiddenTest = """
        import os


        def test_seed_is_set():
            seed = os.environ["COURSEBOT_SEED"]
            print("SEED=" + seed)
            assert seed.isdigit(), seed
        """;

    [Fact]
    public async Task AFixedSeed_ReachesCommandsAndHiddenTests_AndTheNotes()
    {
        var (lab, grader, workspace, harness) = Setup(4242);
        using (harness)
        using (workspace)
        {
            var result = await grader.GradeAsync(lab, workspace.Root, null, CancellationToken.None);

            Assert.True(result.Passed, string.Join("\n", result.Tests.Select(t => $"{t.Name}: {t.Message} {t.Output}")));
            Assert.Contains("Checks ran with COURSEBOT_SEED=4242 (randomised inputs; reproduce with this seed).", result.Notes);
        }
    }

    [Fact]
    public async Task WithoutAFixedSeed_EachLabDrawsItsOwn()
    {
        var (lab, grader, workspace, harness) = Setup(null);
        using (harness)
        using (workspace)
        {
            var first = Seed(await grader.GradeAsync(lab, workspace.Root, null, CancellationToken.None));
            var second = Seed(await grader.GradeAsync(lab, workspace.Root, null, CancellationToken.None));

            Assert.NotEqual(first, second);
        }
    }

    [Fact]
    public async Task EachLab_StartsOnEmptyBrokerAndBackendDatabases()
    {
        var (lab, grader, workspace, harness) = Setup(1);
        using (harness)
        using (workspace)
        {
            await SendAsync(0, "SET", "left-by-an-earlier-lab", "1");
            await SendAsync(1, "SET", "celery-task-meta-earlier", "{}");
            await SendAsync(2, "SET", "not-the-graders", "1");
            Assert.Equal(":1", await SendAsync(0, "DBSIZE"));

            await grader.GradeAsync(lab, workspace.Root, null, CancellationToken.None);

            Assert.Equal(":0", await SendAsync(0, "DBSIZE"));
            Assert.Equal(":0", await SendAsync(1, "DBSIZE"));
            Assert.Equal(":1", await SendAsync(2, "DBSIZE"));
        }
    }

    [Fact]
    public async Task AnUnreachableRedis_IsReported_NotThrown()
    {
        var problem = await RedisDatabases.FlushAsync(["redis://:secret@127.0.0.1:1/0"], CancellationToken.None);

        Assert.NotNull(problem);
        Assert.StartsWith("could not empty redis://***@127.0.0.1:1/0", problem, StringComparison.Ordinal);
        Assert.DoesNotContain("secret", problem, StringComparison.Ordinal);
    }

    private (LabDefinition Lab, Grader Grader, Workspace Workspace, GradingHarness Harness) Setup(int? seed)
    {
        var harness = new GradingHarness(redis).WithLab(
            "seed-lab",
            LabYaml,
            new Dictionary<string, string> { ["test_seed.py"] = HiddenTest }
        );
        var lab = LabReader.Find(harness.Curriculum, "seed-lab").Lab!;
        var workspace = new Workspace(new Dictionary<string, string> { ["labs/demo/seed-lab/README.md"] = "seeded\n" });
        return (lab, new Grader(new SandboxOptions(), harness.Environment with { Seed = seed }), workspace, harness);
    }

    private static string Seed(GradeResult result) =>
        Assert.Single(result.Notes, n => n.StartsWith("Checks ran with COURSEBOT_SEED=", StringComparison.Ordinal));

    /// <summary>One command to database <paramref name="database"/> of the test's Redis; its one-line reply.</summary>
    private async Task<string> SendAsync(int database, params string[] command)
    {
        using var client = new TcpClient();
        await client.ConnectAsync("127.0.0.1", redis.Port);
        var stream = client.GetStream();
        using var reader = new StreamReader(stream, Encoding.UTF8);
        string[][] commands = [["SELECT", database.ToString(System.Globalization.CultureInfo.InvariantCulture)], command];
        var reply = "";
        foreach (var parts in commands)
        {
            var text = $"*{parts.Length}\r\n" + string.Concat(parts.Select(p => $"${Encoding.UTF8.GetByteCount(p)}\r\n{p}\r\n"));
            await stream.WriteAsync(Encoding.UTF8.GetBytes(text));
            reply = await reader.ReadLineAsync() ?? "";
        }

        return reply;
    }
}
