using System.Globalization;
using System.Text.RegularExpressions;
using CourseBot.Core.Curriculum.Model;
using CourseBot.Core.Journey.Progression;

namespace CourseBot.Core.Journey.Capstones;

/// <summary>
/// Which capstone module a pull request is for, first rule that answers:
/// <list type="number">
/// <item>the marker the pull request templates carry, <c>&lt;!-- coursebot:capstone MODULE-ID --&gt;</c>, in its body;</item>
/// <item>"Capstone N" in its title (the templates ask for "Capstone N: Title");</item>
/// <item>its branch: <c>capstone-N</c> or the module id (<c>capstone-background-processing</c>);</item>
/// <item>the learner's only unlocked capstone module not passed yet.</item>
/// </list>
/// Only a capstone module the learner has unlocked is an answer: a pull request for a locked one is not in the queue.
/// </summary>
public static partial class CapstoneModuleResolver
{
    public static Module? Resolve(Course course, LearnerProgress progress, string? body, string? title, string? branch)
    {
        ArgumentNullException.ThrowIfNull(course);
        ArgumentNullException.ThrowIfNull(progress);
        var unlocked = progress.Modules.Where(m => m.IsUnlocked && m.Module.Capstone is not null).Select(m => m.Module).ToList();
        if (Marker().Match(body ?? "") is { Success: true } marker)
        {
            return unlocked.FirstOrDefault(m => m.Id == marker.Groups[1].Value);
        }

        if (Numbered().Match(title ?? "") is { Success: true } titled)
        {
            return ByNumber(unlocked, titled.Groups[1].Value);
        }

        if (branch is not null)
        {
            if (Numbered().Match(branch) is { Success: true } numbered)
            {
                return ByNumber(unlocked, numbered.Groups[1].Value);
            }

            if (unlocked.FirstOrDefault(m => branch.Contains(m.Id, StringComparison.OrdinalIgnoreCase)) is { } named)
            {
                return named;
            }
        }

        var open = progress.Modules.Where(m => m.IsUnlocked && m.State != ModuleState.Passed && m.Module.Capstone is not null).ToList();
        return open.Count == 1 ? open[0].Module : null;
    }

    /// <summary>The marker line a capstone's pull request template starts with.</summary>
    public static string MarkerFor(Module module)
    {
        ArgumentNullException.ThrowIfNull(module);
        return $"<!-- coursebot:capstone {module.Id} -->";
    }

    private static Module? ByNumber(List<Module> unlocked, string number) =>
        int.TryParse(number, NumberStyles.None, CultureInfo.InvariantCulture, out var n)
            ? unlocked.FirstOrDefault(m => m.Capstone!.Number == n)
            : null;

    [GeneratedRegex(@"<!--\s*coursebot:capstone\s+([a-z0-9-]{1,80})\s*-->")]
    private static partial Regex Marker();

    [GeneratedRegex(@"\bcapstone[\s_-]*(\d{1,2})\b", RegexOptions.IgnoreCase)]
    private static partial Regex Numbered();
}
