using System.Globalization;
using System.Net;
using System.Text;
using CourseBot.Cli.Commands;
using CourseBot.Core.Curriculum;
using CourseBot.Core.Curriculum.Model;

namespace CourseBot.Cli.Serve;

/// <summary>The course catalog: an HTML page for people, JSON for programs, and a health probe.</summary>
internal static class CatalogEndpoints
{
    public static void MapCatalog(this IEndpointRouteBuilder app, bool setupMode)
    {
        app.MapGet("/healthz", () => Results.Text(setupMode ? "ok (setup mode: no GitHub App configured, see /setup)" : "ok"));
        app.MapGet("/api/curriculum", (Course course) => Results.Json(CourseSummary.Of(course), CatalogJsonContext.Default.CourseSummary));
        app.MapGet("/", (Course course) => Results.Content(RenderCatalog(course, setupMode), "text/html; charset=utf-8"));
    }

    /// <summary>Every value is HTML-encoded: curriculum text is authored by instructors but still never trusted as markup.</summary>
    internal static string RenderCatalog(Course course, bool setupMode = false)
    {
        static string E(string text) => WebUtility.HtmlEncode(text);
        var html = new StringBuilder();
        var summary = string.Create(CultureInfo.InvariantCulture,
            $"Version {E(course.Version)}: {course.Paths.Length} paths, {course.Modules.Length} modules.");
        html.Append(CultureInfo.InvariantCulture, $$"""
            <!doctype html>
            <html lang="en"><head><meta charset="utf-8"><title>{{E(course.Title)}}</title>
            <style>body{font-family:system-ui,sans-serif;margin:2rem;max-width:70rem}table{border-collapse:collapse;width:100%}
            td,th{border-bottom:1px solid #ddd;padding:.3rem .5rem;text-align:left;vertical-align:top}th{background:#f6f8fa}</style>
            </head><body><h1>{{E(course.Title)}}</h1><p>{{summary}}</p>
            """);
        if (setupMode)
        {
            html.Append(
                "<p><strong>Setup mode:</strong> no GitHub App is configured, so no webhooks are accepted. "
                + "<a href=\"/setup\">Register the App</a>.</p>"
            );
        }

        foreach (var path in course.Paths.OrderBy(p => p.Number))
        {
            html.Append(
                CultureInfo.InvariantCulture,
                $"<h2>Path {path.Number}: {E(path.Title)}</h2><p>{E(path.Audience)}. {E(path.Duration.ToString())}, "
                + $"{E(path.Hours.ToString())} hours.</p>"
            );
            html.Append("<table><tr><th>#</th><th>Module</th><th>Duration</th><th>Assessments</th></tr>");
            foreach (var module in path.AllModules.Select(course.FindModule).OfType<Module>())
            {
                html.Append(
                    CultureInfo.InvariantCulture,
                    $"<tr><td>{module.Number}</td><td>{E(module.Title)}</td><td>{E(module.Duration.ToString())} "
                    + $"({E(module.Hours.ToString())} h)</td><td>{E(CurriculumTableWriter.AssessmentSummary(module))}</td></tr>"
                );
            }

            html.Append("</table>");
        }

        html.Append("</body></html>");
        return html.ToString();
    }
}
