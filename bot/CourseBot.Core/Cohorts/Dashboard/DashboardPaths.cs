namespace CourseBot.Core.Cohorts.Dashboard;

/// <summary>Where each cohort's files live in the dashboard repository.</summary>
public static class DashboardPaths
{
    public const string Readme = "README.md";

    public static string Page(string cohort) => $"cohorts/{CohortSlug.Of(cohort)}.md";

    public static string Grades(string cohort) => $"grades/{CohortSlug.Of(cohort)}.csv";

    public static string ModulesChart(string cohort) => $"charts/{CohortSlug.Of(cohort)}-modules.svg";

    public static string PaceChart(string cohort) => $"charts/{CohortSlug.Of(cohort)}-pace.svg";
}
