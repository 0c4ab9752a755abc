using CourseBot.Core.Curriculum.Loading;
using CourseBot.Core.Curriculum.Model;

namespace CourseBot.Core.Curriculum.Packages;

/// <summary>The folders of a lab's Python code: hidden tests, reference solution, proof variants, and the learner's starter.</summary>
public static class LabSources
{
    /// <summary>Starter code sits in the repository beside the curriculum: templates/learner/labs/MODULE/LAB.</summary>
    public static IReadOnlyList<string> Of(Course course, LabPackages lab)
    {
        ArgumentNullException.ThrowIfNull(course);
        ArgumentNullException.ThrowIfNull(lab);
        var repository = Path.GetDirectoryName(Path.GetFullPath(course.RootDirectory)) ?? course.RootDirectory;
        return new[]
        {
            Path.Combine(lab.Directory, CurriculumLoader.HiddenFolder),
            Path.Combine(lab.Directory, CurriculumLoader.SolutionFolder),
            Path.Combine(repository, "templates", "learner", "labs", lab.Module, lab.Lab),
        }.Concat(Variants(lab.Directory)).Where(Directory.Exists).ToList();
    }

    /// <summary>Each wrong/NAME and alt/NAME folder: the grading job runs them in CI's proofs, so their imports count too.</summary>
    private static IEnumerable<string> Variants(string labDirectory) =>
        new[] { CurriculumLoader.WrongFolder, CurriculumLoader.AltFolder }
            .Select(f => Path.Combine(labDirectory, f))
            .Where(Directory.Exists)
            .SelectMany(f => Directory.EnumerateDirectories(f).Order(StringComparer.Ordinal));

    public static IEnumerable<string> PythonFiles(IEnumerable<string> folders) =>
        folders.SelectMany(f => Directory.EnumerateFiles(f, "*.py", SearchOption.AllDirectories)).Order(StringComparer.Ordinal);

    /// <summary>Modules the lab brings itself: each folder's top-level <c>x.py</c> and packages (folders).</summary>
    public static HashSet<string> OwnModules(IEnumerable<string> folders)
    {
        var own = new HashSet<string>(StringComparer.Ordinal);
        foreach (var folder in folders)
        {
            own.UnionWith(Directory.EnumerateFiles(folder, "*.py").Select(Path.GetFileNameWithoutExtension).OfType<string>());
            own.UnionWith(Directory.EnumerateDirectories(folder).Select(Path.GetFileName).OfType<string>());
        }

        return own;
    }
}
