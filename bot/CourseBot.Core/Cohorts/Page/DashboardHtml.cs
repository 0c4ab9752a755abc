using System.Globalization;
using System.Text.Encodings.Web;

namespace CourseBot.Core.Cohorts.Page;

/// <summary>
/// How the dashboard page writes text into HTML: every value encoded (cohort names, logins and paths are learner text), links
/// only to http(s) URLs GitHub gave, and dates and figures exactly as the dashboard repository writes them.
/// </summary>
internal static class DashboardHtml
{
    public static string E(string? text) => HtmlEncoder.Default.Encode(text ?? "");

    /// <summary>An http(s) URL as an <c>href</c> value, or null when it is anything else (a <c>javascript:</c> URL).</summary>
    public static string? Href(string? url) =>
        url is not null && Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http"
            ? E(uri.AbsoluteUri) : null;

    public static string Link(string text, string? url) =>
        Href(url) is { } href ? $"<a href=\"{href}\">{E(text)}</a>" : E(text);

    public static string Module(Curriculum.Model.Course course, string? id) =>
        id is null ? "all passed" : course.FindModule(id) is { } m
            ? E(string.Create(CultureInfo.InvariantCulture, $"{m.Number:00} {m.Title}"))
            : E(id);

    /// <summary>A sort key for a date cell: ISO order sorts as text; a missing date sorts first.</summary>
    public static string SortDate(DateOnly? day) => day?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";

    public static string N(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);
}
