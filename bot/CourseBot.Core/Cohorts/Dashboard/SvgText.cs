using System.Globalization;
using System.Security;

namespace CourseBot.Core.Cohorts.Dashboard;

/// <summary>Text and numbers as the dashboard's SVG charts write them: XML-escaped, invariant, at most one decimal.</summary>
internal static class SvgText
{
    public const string Font = "font-family=\"Verdana,DejaVu Sans,sans-serif\" font-size=\"11\"";

    /// <summary>Learner text (a cohort name) as element text: escaped, one line, capped.</summary>
    public static string Escape(string text)
    {
        var flat = string.Join(' ', text.Split(['\r', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries));
        return SecurityElement.Escape(flat.Length > 60 ? flat[..60] + "…" : flat);
    }

    public static string N(double value) => Math.Round(value, 1).ToString("0.#", CultureInfo.InvariantCulture);
}
