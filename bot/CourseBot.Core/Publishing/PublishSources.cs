namespace CourseBot.Core.Publishing;

/// <summary>
/// The files each published repository is made of, read from a checkout of this repository:
/// <c>action/action.yml</c> (the Action), <c>templates/course/</c> plus <c>.github/workflows/grade.yml</c>
/// (the course repository), <c>templates/learner/</c> (the learner template). Nothing else: the
/// curriculum (hidden tests, solutions, quiz keys) stays with the bot.
/// </summary>
public sealed class PublishSources(string root)
{
    public const string ActionFile = "action.yml";
    public const string GradeWorkflow = ".github/workflows/grade.yml";

    /// <summary>Build and test leftovers in a working copy that are no part of a template.</summary>
    private static readonly HashSet<string> Skipped = new(StringComparer.Ordinal) { "__pycache__", ".pytest_cache", ".venv" };

    /// <summary>A lab's grading folders: one copied into a template by mistake would publish answers, so publish refuses.</summary>
    private static readonly HashSet<string> GradingFolders = new(StringComparer.Ordinal)
    {
        Curriculum.Loading.CurriculumLoader.HiddenFolder,
        Curriculum.Loading.CurriculumLoader.SolutionFolder,
        Curriculum.Loading.CurriculumLoader.WrongFolder,
        Curriculum.Loading.CurriculumLoader.AltFolder,
    };

    public PublishedFile ActionYml => Read(Path.Combine(root, "action", ActionFile), ActionFile);

    public IReadOnlyList<PublishedFile> Course() =>
        [.. Folder(Path.Combine(root, "templates", "course")), Read(Path.Combine(root, GradeWorkflow), GradeWorkflow)];

    public IReadOnlyList<PublishedFile> LearnerTemplate() => Folder(Path.Combine(root, "templates", "learner"));

    private static List<PublishedFile> Folder(string folder)
    {
        if (!Directory.Exists(folder))
        {
            throw new DirectoryNotFoundException($"{folder} not found: publish from a checkout of CourseBot (or give --source)");
        }

        var files = Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .Select(f => (Full: f, Relative: Path.GetRelativePath(folder, f).Replace('\\', '/')))
            .Where(f => !f.Relative.Split('/').Any(Skipped.Contains) && !f.Relative.EndsWith(".pyc", StringComparison.Ordinal))
            .ToList();
        if (
            files.FirstOrDefault(f =>
                f.Relative.Split('/').Any(GradingFolders.Contains)
                || Path.GetFileName(f.Relative) == Curriculum.Loading.CurriculumLoader.ProofFile
            ) is
            { Full: not null } graded
        )
        {
            throw new InvalidOperationException(
                $"{graded.Full}: a lab's grading material (hidden/, solution/, wrong/, alt/, proof.yml) is no part of a template"
            );
        }

        return files
            .OrderBy(f => f.Relative, StringComparer.Ordinal)
            .Select(f => Read(f.Full, f.Relative))
            .ToList();
    }

    private static PublishedFile Read(string full, string relative)
    {
        var executable = !OperatingSystem.IsWindows() && (File.GetUnixFileMode(full) & UnixFileMode.UserExecute) != 0;
        return new PublishedFile(relative, File.ReadAllText(full), executable);
    }
}
