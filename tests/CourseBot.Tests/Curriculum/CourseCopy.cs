namespace CourseBot.Tests.Curriculum;

/// <summary>The course's curriculum and learner template in a private folder, laid out as in the repository, for tests that edit
/// it.</summary>
internal sealed class CourseCopy : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("coursebot-course-").FullName;

    public CourseCopy()
    {
        Copy(RepositoryPaths.Curriculum, Curriculum);
        Copy(Path.Combine(RepositoryPaths.Root, "templates", "learner"), Path.Combine(_root, "templates", "learner"));
    }

    public string Curriculum => Path.Combine(_root, "curriculum");

    /// <summary>The folder of the lab whose key ends with <paramref name="lab"/> (<c>first-app-lab</c>).</summary>
    public string LabFolder(string lab) =>
        Path.GetDirectoryName(Directory.GetFiles(Path.Combine(Curriculum, "modules"), "lab.yml", SearchOption.AllDirectories)
            .Single(f => f.Replace('\\', '/').EndsWith($"/labs/{lab}/lab.yml", StringComparison.Ordinal)))!;

    /// <summary>Writes <paramref name="content"/> to <paramref name="relative"/> inside <paramref name="folder"/>.</summary>
    public static void Write(string folder, string relative, string content)
    {
        var full = Path.Combine(folder, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllText(full, content);
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private static void Copy(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
