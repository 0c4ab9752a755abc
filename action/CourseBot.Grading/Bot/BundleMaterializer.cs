using CourseBot.Core.LabGrading;
using CourseBot.Grading.Labs;

namespace CourseBot.Grading.Bot;

/// <summary>
/// Writes a bundle out as a curriculum-shaped folder (<c>modules/00-module/labs/lab/...</c>) that only
/// the grader's user can read, so the lab reader and the grader work on it as on a checkout.
/// </summary>
public static class BundleMaterializer
{
    public static string Write(GradingBundle bundle, string folder)
    {
        ArgumentNullException.ThrowIfNull(bundle);
        Directory.CreateDirectory(folder);
        File.SetUnixFileMode(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        foreach (var lab in bundle.Labs)
        {
            var parts = lab.Key.Split('/');
            if (
                parts.Length != 2
                || parts.Any(p => p.Length == 0 || p.Contains("..", StringComparison.Ordinal) || p.Contains('\\', StringComparison.Ordinal))
            )
            {
                throw new BotException($"the bundle names an invalid lab '{lab.Key}'");
            }

            var labDir = Path.GetFullPath(Path.Combine(folder, "modules", "00-" + parts[0], LabReader.LabsFolder, parts[1]));
            foreach (var (relative, content) in lab.Files)
            {
                var target = Path.GetFullPath(Path.Combine(labDir, relative));
                if (!target.StartsWith(labDir + Path.DirectorySeparatorChar, StringComparison.Ordinal))
                {
                    throw new BotException($"the bundle's file '{relative}' would land outside its lab folder");
                }

                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.WriteAllText(target, content);
            }
        }

        return folder;
    }
}
