using CourseBot.Core.Curriculum.Model;

namespace CourseBot.Core.Cohorts.Dashboard;

/// <summary>Every file of the dashboard repository, by path, from the cohort views: what one refresh commits.</summary>
public static class DashboardRenderer
{
    public static SortedDictionary<string, string> Render(Course course, IReadOnlyList<CohortView> cohorts, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(course);
        ArgumentNullException.ThrowIfNull(cohorts);
        var files = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            [DashboardPaths.Readme] = DashboardReadmeWriter.Write(course, cohorts, today),
        };
        foreach (var cohort in cohorts)
        {
            files[DashboardPaths.Page(cohort.Name)] = CohortPageWriter.Write(course, cohort);
            files[DashboardPaths.Grades(cohort.Name)] = GradesCsvWriter.Write(course, cohort);
            files[DashboardPaths.ModulesChart(cohort.Name)] = ModuleChartWriter.Write(course, cohort);
            files[DashboardPaths.PaceChart(cohort.Name)] = PaceChartWriter.Write(cohort);
        }

        return files;
    }
}
