using System.Globalization;
using System.Text;
using CourseBot.Core.Cohorts.Dashboard;
using CourseBot.Core.Curriculum.Model;
using static CourseBot.Core.Cohorts.Page.DashboardHtml;

namespace CourseBot.Core.Cohorts.Page;

/// <summary>
/// The dashboard page: for each cohort, what the dashboard repository shows (counts, behind pace, review queue, both SVG charts
/// as the repository's chart writers draw them, the full table), as HTML. Tables sort by any column and a cohort filter
/// narrows the page (<c>dashboard.js</c>); both work on the rows written here, nothing is computed in the browser.
/// </summary>
public static class DashboardPageWriter
{
    /// <param name="course">The course.</param>
    /// <param name="cohorts">Every cohort's view.</param>
    /// <param name="today">The views' day.</param>
    /// <param name="signedInAs">The instructor's login.</param>
    /// <param name="root">The page's path (<c>/dashboard</c>, or <c>/api/dashboard</c> on Functions): its files are under it.</param>
    public static string Write(Course course, IReadOnlyList<CohortView> cohorts, DateOnly today, string signedInAs, string root)
    {
        ArgumentNullException.ThrowIfNull(course);
        ArgumentNullException.ThrowIfNull(cohorts);
        var html = new StringBuilder();
        html.Append("<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<title>").Append(E(course.Title)).Append(": cohorts</title>\n")
            .Append("<link rel=\"stylesheet\" href=\"").Append(E(root)).Append("/dashboard.css\">\n")
            .Append("<script src=\"").Append(E(root)).Append("/dashboard.js\" defer></script>\n</head>\n<body>\n");
        html.Append("<header><h1>").Append(E(course.Title)).Append(": cohorts</h1>\n")
            .Append(CultureInfo.InvariantCulture, $"<p>As of {DashboardFormat.Date(today)}. Signed in as ")
            .Append("<strong>").Append(E(signedInAs)).Append("</strong> · <a href=\"").Append(E(root))
            .Append("/signout\">sign out</a></p>\n");
        html.Append("<label for=\"cohort-filter\">Cohort</label> <select id=\"cohort-filter\">")
            .Append("<option value=\"\">All cohorts</option>");
        foreach (var cohort in cohorts)
        {
            html.Append("<option value=\"").Append(E(cohort.Name)).Append("\">").Append(E(cohort.Name)).Append("</option>");
        }

        html.Append("</select>\n</header>\n<main>\n");
        if (cohorts.Count == 0)
        {
            html.Append("<p>No learner is enrolled yet.</p>\n");
        }

        foreach (var cohort in cohorts)
        {
            Section(html, course, cohort);
        }

        return html.Append("</main>\n</body></html>\n").ToString();
    }

    private static void Section(StringBuilder html, Course course, CohortView cohort)
    {
        var behind = cohort.BehindPace.ToList();
        var queue = cohort.ReviewQueue.ToList();
        html.Append("<section class=\"cohort\" data-cohort=\"").Append(E(cohort.Name)).Append("\">\n<h2>")
            .Append(E(cohort.Name)).Append("</h2>\n");
        html.Append(CultureInfo.InvariantCulture, $"<p>{cohort.Learners.Length} learners · {behind.Count} behind pace · ")
            .Append(CultureInfo.InvariantCulture, $"{queue.Count} capstones waiting for review · {cohort.Certified} certified</p>\n");
        html.Append("<div class=\"charts\">\n").Append(ModuleChartWriter.Write(course, cohort))
            .Append(PaceChartWriter.Write(cohort)).Append("</div>\n");
        html.Append("<h3>Behind pace</h3>\n");
        if (behind.Count == 0)
        {
            html.Append("<p>Nobody is behind pace.</p>\n");
        }
        else
        {
            Head(html, "behind", [("Learner", "text"), ("Module", "text"), ("Due", "text"), ("Days behind", "number"),
                ("Last activity", "text")]);
            foreach (var l in behind)
            {
                html.Append("<tr>").Append(Cell(Link(l.Login, l.RepositoryUrl), l.Login))
                    .Append(Cell(Module(course, l.CurrentModule), l.CurrentNumber?.ToString(CultureInfo.InvariantCulture)))
                    .Append(Cell(E(DashboardFormat.Date(l.DueOn)), SortDate(l.DueOn)))
                    .Append(Cell(l.DaysBehind.ToString(CultureInfo.InvariantCulture), null))
                    .Append(Cell(E(DashboardFormat.Date(l.LastActivity)), SortDate(Day(l.LastActivity)))).Append("</tr>\n");
            }

            html.Append("</tbody></table>\n");
        }

        Queue(html, course, queue);
        Learners(html, course, cohort);
        html.Append("</section>\n");
    }

    private static void Queue(StringBuilder html, Course course, List<(CohortLearner Learner, CapstoneReviewState Review)> queue)
    {
        html.Append("<h3>Review queue</h3>\n");
        if (queue.Count == 0)
        {
            html.Append("<p>No capstone is waiting for review.</p>\n");
            return;
        }

        Head(html, "queue", [("Learner", "text"), ("Capstone", "text"), ("Pull request", "text"), ("Waiting since", "text")]);
        foreach (var (learner, review) in queue)
        {
            var label = review.PullRequest is { } n ? string.Create(CultureInfo.InvariantCulture, $"#{n}") : "pull request";
            html.Append("<tr>").Append(Cell(Link(learner.Login, learner.RepositoryUrl), learner.Login))
                .Append(Cell(Module(course, review.ModuleId), null)).Append(Cell(Link(label, review.Url), null))
                .Append(Cell(E(DashboardFormat.Date(review.Since)), SortDate(Day(review.Since)))).Append("</tr>\n");
        }

        html.Append("</tbody></table>\n");
    }

    private static void Learners(StringBuilder html, Course course, CohortView cohort)
    {
        html.Append("<h3>Learners</h3>\n");
        Head(html, "learners", [("Learner", "text"), ("Path", "text"), ("Pace", "text"), ("Module", "number"), ("Due", "text"),
            ("Days behind", "number"), ("Passed", "number"), ("Last activity", "text"), ("Quiz mean", "number"), ("Labs", "number"),
            ("Capstones", "text"), ("Certificates", "text")]);
        foreach (var l in cohort.Learners)
        {
            var capstones = string.Join(", ", l.Capstones.Select(c =>
                string.Create(CultureInfo.InvariantCulture, $"{c.Number:00} {CohortPageWriter.Words(c.State.ToString())}")));
            html.Append("<tr>").Append(Cell(Link(l.Login, l.RepositoryUrl), l.Login)).Append(Cell(E(l.PathId), null))
                .Append(Cell(E(l.PaceId), null))
                .Append(Cell(Module(course, l.CurrentModule), (l.CurrentNumber ?? int.MaxValue).ToString(CultureInfo.InvariantCulture)))
                .Append(Cell(E(DashboardFormat.Date(l.DueOn)), SortDate(l.DueOn)))
                .Append(Cell(l.DaysBehind.ToString(CultureInfo.InvariantCulture), null))
                .Append(Cell(string.Create(CultureInfo.InvariantCulture, $"{l.ModulesPassed}/{l.ModulesTotal}"),
                    l.ModulesPassed.ToString(CultureInfo.InvariantCulture)))
                .Append(Cell(E(DashboardFormat.Date(l.LastActivity)), SortDate(Day(l.LastActivity))))
                .Append(Cell(E(DashboardFormat.QuizMean(l)), Percent(DashboardFormat.QuizMean(l))))
                .Append(Cell(E(DashboardFormat.LabPercent(l)), Percent(DashboardFormat.LabPercent(l))))
                .Append(Cell(capstones.Length == 0 ? "–" : E(capstones), null))
                .Append(Cell(l.Certificates.IsEmpty ? "–" : E(string.Join(", ", l.Certificates)), null)).Append("</tr>\n");
        }

        html.Append("</tbody></table>\n");
    }

    private static void Head(StringBuilder html, string kind, (string Name, string Type)[] columns)
    {
        html.Append("<table class=\"sortable ").Append(kind).Append("\"><thead><tr>");
        foreach (var (name, type) in columns)
        {
            html.Append("<th data-type=\"").Append(type).Append("\"><button type=\"button\">").Append(name).Append("</button></th>");
        }

        html.Append("</tr></thead><tbody>\n");
    }

    /// <summary>A cell (its content already HTML) with the key it sorts by when that is not its text.</summary>
    private static string Cell(string content, string? sortKey) =>
        sortKey is null ? $"<td>{content}</td>" : $"<td data-sort=\"{E(sortKey)}\">{content}</td>";

    /// <summary>"87.5 %" sorts as 87.5; "–" (nothing recorded) as -1, below every score.</summary>
    private static string Percent(string shown) =>
        double.TryParse(shown.Replace(" %", "", StringComparison.Ordinal), NumberStyles.Float, CultureInfo.InvariantCulture, out var v)
            ? N(v) : "-1";

    private static DateOnly? Day(DateTimeOffset? at) => at is { } a ? DateOnly.FromDateTime(a.UtcDateTime) : null;
}
