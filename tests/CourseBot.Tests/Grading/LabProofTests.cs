using CourseBot.Grading;
using CourseBot.Grading.Labs;
using CourseBot.Grading.Sandbox;
using CourseBot.Tests.Infrastructure;

namespace CourseBot.Tests.Grading;

/// <summary>
/// Every lab of the Celery course, proven against real Celery and Redis: the grader on the starter
/// code (templates/learner/labs/MODULE/LAB) does not pass, and on the reference solution
/// (curriculum/.../labs/LAB/solution, laid over the starter) scores full marks.
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

    [Fact]
    public void EveryLabFolder_HasStarterAndSolution()
    {
        foreach (var (module, lab, file) in LabReader.Discover(RepositoryPaths.Curriculum))
        {
            Assert.True(Directory.Exists(Path.Combine(Path.GetDirectoryName(file)!, "solution")), $"{module}/{lab} has no solution/");
            Assert.True(Directory.Exists(StarterOf(module, lab)), $"{module}/{lab} has no starter in templates/learner/labs/{module}/{lab}");
        }
    }

    [Theory]
    [MemberData(nameof(Labs))]
    public async Task Lab_StarterFails_SolutionScoresFullMarks(string key)
    {
        var loaded = LabReader.Find(RepositoryPaths.Curriculum, key);
        Assert.True(loaded.Lab is not null, string.Join("\n", loaded.Diagnostics));
        var lab = loaded.Lab;
        var grader = new Grader(new SandboxOptions(), new GradingEnvironment { BrokerUrl = redis.Url(0), BackendUrl = redis.Url(1) });

        var starter = Stage(lab, withSolution: false);
        var solution = Stage(lab, withSolution: true);
        try
        {
            var onStarter = await grader.GradeAsync(lab, starter, null, CancellationToken.None);
            Assert.False(onStarter.Passed, $"{key}: the starter code already passes ({onStarter.Score}/{onStarter.MaxScore})");

            var onSolution = await grader.GradeAsync(lab, solution, null, CancellationToken.None);
            var failures = string.Join("\n", onSolution.Tests.Where(t => t.Score < t.MaxScore).Select(t => $"{t.Name}: {t.Status} {t.Message}\n{t.Output}"));
            Assert.True(onSolution.Score == onSolution.MaxScore && onSolution.MaxScore > 0, $"{key}: the reference solution scores {onSolution.Score}/{onSolution.MaxScore}\n{failures}\n{string.Join("\n", onSolution.Notes)}");
        }
        finally
        {
            Directory.Delete(starter, recursive: true);
            Directory.Delete(solution, recursive: true);
        }
    }

    private static string StarterOf(string module, string lab) => Path.Combine(RepositoryPaths.Root, "templates", "learner", "labs", module, lab);

    /// <summary>A learner repository with the starter in the lab's work folder, and the solution laid over it when asked.</summary>
    private static string Stage(LabDefinition lab, bool withSolution)
    {
        var root = Directory.CreateTempSubdirectory("coursebot-proof-").FullName;
        var work = Path.Combine(root, lab.WorkDirectory);
        Copy(StarterOf(lab.Module, lab.Id), work);
        if (withSolution)
        {
            Copy(Path.Combine(Path.GetDirectoryName(lab.HiddenDirectory)!, "solution"), work);
        }

        return root;
    }

    private static void Copy(string from, string to)
    {
        Directory.CreateDirectory(to);
        if (!Directory.Exists(from))
        {
            return;
        }

        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target, overwrite: true);
        }
    }
}
