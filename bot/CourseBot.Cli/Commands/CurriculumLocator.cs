using CourseBot.Core.Curriculum.Loading;

namespace CourseBot.Cli.Commands;

/// <summary>
/// Finds the curriculum when none is named: <c>curriculum/</c> in the working folder or any folder above it, else the one
/// shipped beside the program (the single-file publish and its container image carry it there).
/// </summary>
internal static class CurriculumLocator
{
    public const string DefaultFolder = "curriculum";

    public static string Resolve(string? given)
    {
        if (!string.IsNullOrEmpty(given))
        {
            return given;
        }

        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, DefaultFolder);
            if (File.Exists(Path.Combine(candidate, CurriculumLoader.CourseFile)))
            {
                return Path.GetRelativePath(Directory.GetCurrentDirectory(), candidate);
            }
        }

        var shipped = Path.Combine(AppContext.BaseDirectory, DefaultFolder);
        return File.Exists(Path.Combine(shipped, CurriculumLoader.CourseFile)) ? shipped : DefaultFolder;
    }
}
