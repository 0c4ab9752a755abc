using CourseBot.Core.Curriculum.Loading;

namespace CourseBot.Core.LabGrading;

/// <summary>Finds a lab's folder (<c>modules/NN-module/labs/lab/</c>) in the curriculum from its key <c>module/lab</c>.</summary>
public static class LabLocator
{
    /// <summary>The lab folder, or null when the key is malformed or names no lab with a <c>lab.yml</c>.</summary>
    public static string? Locate(string curriculumRoot, string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var parts = key.Split('/');
        if (parts.Length != 2
            || parts.Any(p => p.Length == 0 || p.Contains("..", StringComparison.Ordinal) || p.Contains('\\', StringComparison.Ordinal)))
        {
            return null;
        }

        var modules = Path.Combine(curriculumRoot, CurriculumLoader.ModulesFolder);
        var moduleDir = Directory.Exists(modules)
            ? Directory.EnumerateDirectories(modules).FirstOrDefault(d => CurriculumLoader.ModuleIdOf(d) == parts[0])
            : null;
        var labDir = moduleDir is null ? null : Path.Combine(moduleDir, CurriculumLoader.LabsFolder, parts[1]);
        return labDir is not null && File.Exists(Path.Combine(labDir, CurriculumLoader.LabFile)) ? labDir : null;
    }
}
