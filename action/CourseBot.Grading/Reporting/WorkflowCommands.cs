using System.Text;

namespace CourseBot.Grading.Reporting;

/// <summary>
/// Makes learner text inert in a GitHub Actions log. The runner treats a line whose text starts with
/// <c>::</c> (or the legacy <c>##[</c>) as a command; annotation data and properties are escaped
/// the way the runner unescapes them.
/// </summary>
public static class WorkflowCommands
{
    /// <summary>Each line of <paramref name="text"/> behind a prefix, so no learner line can start a command.</summary>
    public static string QuoteLines(string text, string prefix = "    | ")
    {
        var builder = new StringBuilder();
        foreach (var line in text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n', '\r'))
        {
            builder.Append(prefix).Append(line).Append('\n');
        }

        return builder.ToString();
    }

    public static string EscapeData(string value) => value
        .Replace("%", "%25", StringComparison.Ordinal)
        .Replace("\r", "%0D", StringComparison.Ordinal)
        .Replace("\n", "%0A", StringComparison.Ordinal);

    public static string EscapeProperty(string value) => EscapeData(value)
        .Replace(":", "%3A", StringComparison.Ordinal)
        .Replace(",", "%2C", StringComparison.Ordinal);

    /// <summary>An annotation (<c>error</c>, <c>warning</c> or <c>notice</c>) with escaped title, file and message.</summary>
    public static string Annotation(string level, string title, string message, string? file = null, int? line = null)
    {
        var properties = new List<string> { "title=" + EscapeProperty(title) };
        if (file is not null)
        {
            properties.Add("file=" + EscapeProperty(file));
        }

        if (line is not null)
        {
            properties.Add("line=" + line.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        return $"::{level} {string.Join(',', properties)}::{EscapeData(message)}";
    }
}
