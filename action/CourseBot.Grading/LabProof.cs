using CourseBot.Grading.Labs;
using CourseBot.Grading.Reporting;

namespace CourseBot.Grading;

/// <summary>
/// Proves a lab: the grader on its starter code (<c>templates/learner/labs/MODULE/LAB</c>) must not
/// pass, and on its reference solution (<c>curriculum/.../labs/LAB/solution</c>, laid over the
/// starter) must score full marks. Course authors run it with <c>coursebot lab prove</c>; CI runs it
/// for every lab.
/// </summary>
public sealed class LabProof(string repositoryRoot, Grader grader)
{
    public sealed record Outcome(GradeResult OnStarter, GradeResult OnSolution)
    {
        public bool Proven => !OnStarter.Passed && OnSolution.MaxScore > 0 && OnSolution.Score == OnSolution.MaxScore;
    }

    public string StarterOf(LabDefinition lab)
    {
        ArgumentNullException.ThrowIfNull(lab);
        return Path.Combine(repositoryRoot, "templates", "learner", "labs", lab.Module, lab.Id);
    }

    public static string SolutionOf(LabDefinition lab)
    {
        ArgumentNullException.ThrowIfNull(lab);
        return Path.Combine(Path.GetDirectoryName(lab.HiddenDirectory)!, Core.Curriculum.Loading.CurriculumLoader.SolutionFolder);
    }

    public async Task<Outcome> RunAsync(LabDefinition lab, CancellationToken cancel)
    {
        ArgumentNullException.ThrowIfNull(lab);
        var starter = Stage(lab, withSolution: false);
        var solution = Stage(lab, withSolution: true);
        try
        {
            var onStarter = await grader.GradeAsync(lab, starter, null, cancel).ConfigureAwait(false);
            var onSolution = await grader.GradeAsync(lab, solution, null, cancel).ConfigureAwait(false);
            return new Outcome(onStarter, onSolution);
        }
        finally
        {
            Directory.Delete(starter, recursive: true);
            Directory.Delete(solution, recursive: true);
        }
    }

    /// <summary>A learner repository with the starter in the lab's work folder, and the solution laid over it when asked.</summary>
    private string Stage(LabDefinition lab, bool withSolution)
    {
        var root = Directory.CreateTempSubdirectory("coursebot-proof-").FullName;
        var work = Path.Combine(root, lab.WorkDirectory);
        Overlay(StarterOf(lab), work);
        if (withSolution)
        {
            Overlay(SolutionOf(lab), work);
        }

        return root;
    }

    private static void Overlay(string from, string to)
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
