using CourseBot.Grading;
using CourseBot.Grading.Labs;
using CourseBot.Grading.Proofs;
using CourseBot.Grading.Sandbox;
using CourseBot.Tests.Infrastructure;

namespace CourseBot.Tests.Grading;

/// <summary>
/// Every lab of the Celery course, proven against real Celery and Redis: the grader on the starter
/// code does not pass, on the reference solution and every <c>alt/</c> variant scores full marks, and on
/// every <c>wrong/</c> variant scores below the pass mark (losing points on the checks its proof.yml names). The labs run in three
/// partitions in parallel, each with its own Redis and its own learner user, since a grader kills every process of its
/// learner user after each check: a proof mostly waits on Celery (two partitions kept two cores about half busy and were
/// the suite's whole length), and a third keeps the cores short of saturation, where the labs' timing checks would suffer.
/// </summary>
public abstract class LabProofTests(RedisServer redis, string learnerUser)
{
    protected static TheoryData<string> Partition(int index, int count)
    {
        var data = new TheoryData<string>();
        var labs = LabReader.Discover(RepositoryPaths.Curriculum).Select(l => $"{l.Module}/{l.Lab}").ToList();
        for (var i = index; i < labs.Count; i += count)
        {
            data.Add(labs[i]);
        }

        return data;
    }

    protected async Task ProveAsync(string key)
    {
        var loaded = LabReader.Find(RepositoryPaths.Curriculum, key);
        Assert.True(loaded.Lab is not null, string.Join("\n", loaded.Diagnostics));
        var lab = loaded.Lab;
        var grader = new Grader(
            new SandboxOptions { LearnerUser = learnerUser },
            new GradingEnvironment { BrokerUrl = redis.Url(0), BackendUrl = redis.Url(1) }
        );
        var proof = new LabProof(RepositoryPaths.Root, grader);
        Assert.True(Directory.Exists(proof.StarterOf(lab)), $"{key} has no starter in templates/learner/labs/{lab.Module}/{lab.Id}");
        Assert.True(Directory.Exists(LabProof.SolutionOf(lab)), $"{key} has no solution/");

        // Starter, solution, and every wrong/ and alt/ variant the course's authors add (LabProof retries right work once).
        var outcome = await proof.RunAsync(lab, null, CancellationToken.None);

        Assert.True(outcome.Problems.IsEmpty, string.Join("\n", outcome.Problems));
        var failed = outcome.Verdicts.Where(v => !v.Proven).Select(Explain).ToList();
        Assert.True(failed.Count == 0, $"{key}:\n{string.Join("\n", failed)}");
    }

    private static string Explain(ProofVerdict verdict)
    {
        var lost = verdict
            .Result.Tests.Where(t => t.Score < t.MaxScore)
            .Select(t => $"  {t.Name}: {t.Status} {t.Message}\n{t.Detail ?? t.Output}");
        return $"{verdict.Line()}\n{string.Join("\n", lost)}\n{string.Join("\n", verdict.Result.Notes)}";
    }
}
