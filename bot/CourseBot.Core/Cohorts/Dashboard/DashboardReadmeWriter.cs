using System.Globalization;
using System.Text;
using CourseBot.Core.Curriculum.Model;
using CourseBot.Core.Journey.Writing;

namespace CourseBot.Core.Cohorts.Dashboard;

/// <summary>
/// The dashboard's <c>README.md</c>: one section per cohort with its counts, the learners behind pace first (most days
/// behind first), then the capstone review queue (oldest first, linked to the pull requests), and links to the cohort's
/// page, chart and grades.
/// </summary>
public static class DashboardReadmeWriter
{
    public static string Write(Course course, IReadOnlyList<CohortView> cohorts, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(course);
        ArgumentNullException.ThrowIfNull(cohorts);
        var text = new StringBuilder();
        text.Append("# ").Append(MarkdownText.Cell(course.Title, 100)).Append(": cohorts\n\n");
        text.Append(CultureInfo.InvariantCulture, $"As of {DashboardFormat.Date(today)}. CourseBot rebuilds this repository from the ")
            .Append("learners' records; edits here are overwritten.\n");
        if (cohorts.Count == 0)
        {
            text.Append("\nNo learner is enrolled yet.\n");
        }

        foreach (var cohort in cohorts)
        {
            Section(text, course, cohort);
        }

        return text.ToString();
    }

    private static void Section(StringBuilder text, Course course, CohortView cohort)
    {
        var behind = cohort.BehindPace.ToList();
        var queue = cohort.ReviewQueue.ToList();
        text.Append("\n## ").Append(MarkdownText.Cell(cohort.Name, 80)).Append("\n\n");
        text.Append(CultureInfo.InvariantCulture,
            $"{cohort.Learners.Length} learners · {behind.Count} behind pace · {queue.Count} capstones waiting for review · ");
        text.Append(CultureInfo.InvariantCulture, $"{cohort.Certified} certified · [full table]({DashboardPaths.Page(cohort.Name)}) · ");
        text.Append(CultureInfo.InvariantCulture, $"[grades (CSV)]({DashboardPaths.Grades(cohort.Name)})\n\n");
        text.Append(CultureInfo.InvariantCulture, $"![Learners per module]({DashboardPaths.ModulesChart(cohort.Name)})\n\n");
        text.Append("### Behind pace\n\n");
        if (behind.Count == 0)
        {
            text.Append("Nobody is behind pace.\n\n");
        }
        else
        {
            text.Append("| Learner | Module | Due | Days behind | Last activity |\n|---|---|---|--:|---|\n");
            foreach (var learner in behind)
            {
                text.Append(
                        CultureInfo.InvariantCulture,
                        $"| {DashboardFormat.Learner(learner)} | {DashboardFormat.Module(course, learner.CurrentModule)} "
                    )
                    .Append(CultureInfo.InvariantCulture, $"| {DashboardFormat.Date(learner.DueOn)} | {learner.DaysBehind} ")
                    .Append(CultureInfo.InvariantCulture, $"| {DashboardFormat.Date(learner.LastActivity)} |\n");
            }

            text.Append('\n');
        }

        text.Append("### Review queue\n\n");
        if (queue.Count == 0)
        {
            text.Append("No capstone is waiting for review.\n");
            return;
        }

        text.Append("| Learner | Capstone | Pull request | Waiting since |\n|---|---|---|---|\n");
        foreach (var (learner, review) in queue)
        {
            text.Append(
                    CultureInfo.InvariantCulture,
                    $"| {DashboardFormat.Learner(learner)} | {DashboardFormat.Module(course, review.ModuleId)} "
                )
                .Append(CultureInfo.InvariantCulture, $"| {PullRequest(review)} | {DashboardFormat.Date(review.Since)} |\n");
        }
    }

    private static string PullRequest(CapstoneReviewState review)
    {
        var label = review.PullRequest is { } n ? string.Create(CultureInfo.InvariantCulture, $"#\u2060{n}") : "pull request";
        return review.Url is { } url && Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http"
            ? $"[{label}]({uri.AbsoluteUri})" : label;
    }
}
