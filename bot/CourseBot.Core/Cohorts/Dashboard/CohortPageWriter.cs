using System.Globalization;
using System.Text;
using CourseBot.Core.Curriculum.Model;
using CourseBot.Core.Journey.Writing;

namespace CourseBot.Core.Cohorts.Dashboard;

/// <summary>A cohort's page (<c>cohorts/NAME.md</c>): its charts and the full table, one row per learner by login.</summary>
public static class CohortPageWriter
{
    public static string Write(Course course, CohortView cohort)
    {
        ArgumentNullException.ThrowIfNull(course);
        ArgumentNullException.ThrowIfNull(cohort);
        var text = new StringBuilder();
        text.Append("# ").Append(MarkdownText.Cell(cohort.Name, 80)).Append("\n\n");
        text.Append(CultureInfo.InvariantCulture, $"As of {DashboardFormat.Date(cohort.Today)}: {cohort.Learners.Length} learners. ")
            .Append(
                CultureInfo.InvariantCulture,
                $"[Grades (CSV)](../{DashboardPaths.Grades(cohort.Name)}) · [all cohorts](../README.md)\n\n"
            );
        text.Append(CultureInfo.InvariantCulture, $"![Learners per module](../{DashboardPaths.ModulesChart(cohort.Name)})\n")
            .Append(CultureInfo.InvariantCulture, $"![Progress against pace](../{DashboardPaths.PaceChart(cohort.Name)})\n\n");
        text.Append(
            "| Learner | Path | Pace | Module | Due | Days behind | Passed | Last activity | Quiz mean | Labs | Capstones | Certificates "
            + "|\n"
        );
        text.Append("|---|---|---|---|---|--:|--:|---|--:|--:|---|---|\n");
        foreach (var l in cohort.Learners)
        {
            var capstones = string.Join(", ", l.Capstones.Select(c =>
                string.Create(CultureInfo.InvariantCulture, $"{c.Number:00} {Words(c.State.ToString())}")));
            text.Append(CultureInfo.InvariantCulture, $"| {DashboardFormat.Learner(l)} | {MarkdownText.Cell(l.PathId, 40)} ")
                .Append(
                    CultureInfo.InvariantCulture,
                    $"| {MarkdownText.Cell(l.PaceId, 40)} | {DashboardFormat.Module(course, l.CurrentModule)} "
                )
                .Append(
                    CultureInfo.InvariantCulture,
                    $"| {DashboardFormat.Date(l.DueOn)} | {l.DaysBehind} | {l.ModulesPassed}/{l.ModulesTotal} "
                )
                .Append(CultureInfo.InvariantCulture, $"| {DashboardFormat.Date(l.LastActivity)} | {DashboardFormat.QuizMean(l)} ")
                .Append(CultureInfo.InvariantCulture, $"| {DashboardFormat.LabPercent(l)} | {(capstones.Length == 0 ? "–" : capstones)} ")
                .Append(
                    CultureInfo.InvariantCulture,
                    $"| {(l.Certificates.IsEmpty ? "–" : MarkdownText.Cell(string.Join(", ", l.Certificates)))} |\n"
                );
        }

        HiddenTests(course, cohort, text);
        return text.ToString();
    }

    /// <summary>
    /// Which hidden-test version graded the lab results the table counts, per module: after a regrade, how many learners the
    /// fixed tests have graded so far (each learner's version is in the CSV's <c>mNN_lab_tests</c>). Nothing when no
    /// result recorded a version.
    /// </summary>
    private static void HiddenTests(Course course, CohortView cohort, StringBuilder text)
    {
        var graded = cohort.Learners.SelectMany(l => l.Scores)
            .Where(s => s.LabHiddenVersion is not null)
            .GroupBy(s => (s.Number, s.ModuleId, Version: s.LabHiddenVersion!))
            .OrderBy(g => g.Key.Number).ThenBy(g => g.Key.Version, StringComparer.Ordinal)
            .ToList();
        if (graded.Count == 0)
        {
            return;
        }

        text.Append("\n## Hidden tests\n\n| Module | Hidden-test version | Learners graded by it |\n|---|---|--:|\n");
        foreach (var g in graded)
        {
            text.Append(CultureInfo.InvariantCulture, $"| {DashboardFormat.Module(course, g.Key.ModuleId)} | `{g.Key.Version}` ")
                .Append(CultureInfo.InvariantCulture, $"| {g.Count()} |\n");
        }
    }

    /// <summary><c>ChangesRequested</c> as <c>changes requested</c>.</summary>
    internal static string Words(string name)
    {
        var text = new StringBuilder();
        foreach (var c in name)
        {
            text.Append(char.IsUpper(c) && text.Length > 0 ? " " + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString());
        }

        return text.ToString();
    }
}
