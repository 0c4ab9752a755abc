using CourseBot.Grading;
using CourseBot.Grading.Labs;
using CourseBot.Grading.Sandbox;
using CourseBot.Tests.Infrastructure;

namespace CourseBot.Tests.Grading;

/// <summary>
/// Every lab of the Celery course, proven against real Celery and Redis: the grader on the starter
/// code does not pass, and on the reference solution scores full marks.
/// </summary>
[Collection(GradingTestGroup.Name)]
public sealed class LabProofTests(RedisServer redis)
{
    public static TheoryData<string> Labs()
    {
        var data = new TheoryData<string>();
        foreach (var (module, lab, _) in LabReader.Discover(RepositoryPaths.Curriculum))
        {
            data.Add($"{module}/{lab}");
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Labs))]
    public async Task Lab_StarterFails_SolutionScoresFullMarks(string key)
    {
        var loaded = LabReader.Find(RepositoryPaths.Curriculum, key);
        Assert.True(loaded.Lab is not null, string.Join("\n", loaded.Diagnostics));
        var lab = loaded.Lab;
        var grader = new Grader(new SandboxOptions(), new GradingEnvironment { BrokerUrl = redis.Url(0), BackendUrl = redis.Url(1) });
        var proof = new LabProof(RepositoryPaths.Root, grader);
        Assert.True(Directory.Exists(proof.StarterOf(lab)), $"{key} has no starter in templates/learner/labs/{lab.Module}/{lab.Id}");
        Assert.True(Directory.Exists(LabProof.SolutionOf(lab)), $"{key} has no solution/");

        var outcome = await proof.RunAsync(lab, CancellationToken.None);

        Assert.False(outcome.OnStarter.Passed, $"{key}: the starter code already passes ({outcome.OnStarter.Score}/{outcome.OnStarter.MaxScore})");
        var failures = string.Join("\n", outcome.OnSolution.Tests.Where(t => t.Score < t.MaxScore).Select(t => $"{t.Name}: {t.Status} {t.Message}\n{t.Output}"));
        Assert.True(outcome.Proven, $"{key}: the reference solution scores {outcome.OnSolution.Score}/{outcome.OnSolution.MaxScore}\n{failures}\n{string.Join("\n", outcome.OnSolution.Notes)}");
    }
}
