using System.Security.Cryptography;
using System.Text;

namespace CourseBot.Grading.Reporting;

/// <summary>
/// Makes learner text inert in a GitHub Actions log. The runner treats a line whose text starts with
/// <c>::</c> as a command, and the legacy <c>##[command]</c> form anywhere in a line; annotation data
/// and properties are escaped the way the runner unescapes them.
/// </summary>
public static class WorkflowCommands
{
    private const string Legacy = "##[";

    /// <summary>Each line of <paramref name="text"/> behind a prefix, so no learner line can start a command, and no legacy command left in
    /// it.</summary>
    public static string QuoteLines(string text, string prefix = "    | ")
    {
        var builder = new StringBuilder();
        foreach (var line in text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n', '\r'))
        {
            builder.Append(prefix).Append(Neutralize(line)).Append('\n');
        }

        return builder.ToString();
    }

    /// <summary>
    /// Breaks every legacy <c>##[</c> (the runner looks for it anywhere in a line) into <c>## [</c>. One pass is
    /// enough: a replacement ends in " [", so it can never complete a new <c>##[</c> with what follows or precedes it.
    /// </summary>
    public static string Neutralize(string text) => text.Replace(Legacy, "## [", StringComparison.Ordinal);

    /// <summary>
    /// Writes <paramref name="write"/>'s output between <c>::stop-commands::TOKEN</c> and <c>::TOKEN::</c>: the runner
    /// executes no command in between, and only the grader knows the fresh random token that resumes them.
    /// </summary>
    public static void WriteInert(TextWriter output, Action<TextWriter> write)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(write);
        var token = NewStopToken();
        output.WriteLine($"::stop-commands::{token}");
        write(output);
        output.WriteLine($"::{token}::");
    }

    /// <summary>32 random hex digits: never a registered command name, never guessable by learner code.</summary>
    public static string NewStopToken() => "cb" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

    public static string EscapeData(string value) => Neutralize(value)
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
