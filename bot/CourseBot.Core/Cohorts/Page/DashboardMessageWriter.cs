using System.Text;
using static CourseBot.Core.Cohorts.Page.DashboardHtml;

namespace CourseBot.Core.Cohorts.Page;

/// <summary>The short pages the dashboard answers with instead of the cohorts: refusals, failed sign-ins, signed out.</summary>
public static class DashboardMessageWriter
{
    /// <param name="title">The page's heading.</param>
    /// <param name="message">What happened and what to do (plain text, encoded here).</param>
    /// <param name="root">The dashboard's path (<c>/dashboard</c>, <c>/api/dashboard</c> on Functions).</param>
    /// <param name="link">Where to go next under <paramref name="root"/> (empty: the dashboard), with its label; null for none.</param>
    public static string Write(string title, string message, string root, (string Page, string Label)? link = null)
    {
        var html = new StringBuilder();
        html.Append("<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>").Append(E(title))
            .Append("</title>\n<link rel=\"stylesheet\" href=\"").Append(E(root))
            .Append("/dashboard.css\">\n</head>\n<body>\n<main class=\"message\">\n")
            .Append("<h1>").Append(E(title)).Append("</h1>\n<p>").Append(E(message)).Append("</p>\n");
        if (link is { } l)
        {
            var href = l.Page.Length == 0 ? root : root + "/" + l.Page;
            html.Append("<p><a href=\"").Append(E(href)).Append("\">").Append(E(l.Label)).Append("</a></p>\n");
        }

        return html.Append("</main>\n</body></html>\n").ToString();
    }
}
