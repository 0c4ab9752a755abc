using System.Globalization;
using CourseBot.Core.Journey.Progression;

namespace CourseBot.Core.Journey.Writing;

/// <summary>The one comment on a module's issue when the module is passed: what was recorded, and where to go next.</summary>
public static class CongratulationWriter
{
    /// <param name="progress">The learner's progress after the module was passed.</param>
    /// <param name="module">The module passed.</param>
    /// <param name="issues">Module id -> the module's issue number; only modules with an issue are offered as next.</param>
    public static string Write(LearnerProgress progress, ModuleProgress module, IReadOnlyDictionary<string, int> issues)
    {
        ArgumentNullException.ThrowIfNull(progress);
        ArgumentNullException.ThrowIfNull(module);
        ArgumentNullException.ThrowIfNull(issues);
        var next = progress.Modules.Where(m => m.State is ModuleState.Open or ModuleState.InProgress && issues.ContainsKey(m.Module.Id))
            .Select(m => string.Create(CultureInfo.InvariantCulture, $"#{issues[m.Module.Id]} ({ModuleIssueWriter.Title(m.Module)})"))
            .ToList();
        var scores = new List<string>();
        if (module.QuizPercent is { } quiz)
        {
            scores.Add(string.Create(CultureInfo.InvariantCulture, $"quiz {quiz:0.#} %"));
        }

        if (module.LabScore is { } labs)
        {
            scores.Add(string.Create(CultureInfo.InvariantCulture, $"labs {labs.Score:0.##} / {labs.Max:0.##}"));
        }

        var recorded = scores.Count > 0 ? " (" + string.Join(", ", scores) + ")" : "";
        return string.Create(CultureInfo.InvariantCulture, $"🎉 **Module {module.Module.Number:00} passed**{recorded}. ")
            + (next.Count > 0 ? $"Next: {string.Join(" and ", next)}." : "Your README shows what comes next.");
    }
}
