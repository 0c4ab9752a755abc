using System.Text.RegularExpressions;

namespace CourseBot.Core.Curriculum.Packages;

/// <summary>
/// Finds the absolute imports of a Python source by line: <c>import a.b as c, d</c> and
/// <c>from a.b import c</c>, at any indentation (imports inside functions and <c>try:</c> count: the
/// code needs them when it runs). Relative imports (<c>from . import x</c>) are the file's own
/// package. Text inside triple-quoted strings is skipped, so a docstring's "import the..." is not one.
/// </summary>
public static partial class PythonImports
{
    public static IReadOnlyList<PythonImport> Read(string source)
    {
        ArgumentNullException.ThrowIfNull(source);
        var found = new List<PythonImport>();
        string? openQuote = null;
        var lines = source.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].TrimEnd('\r');
            var wasInString = openQuote is not null;
            openQuote = TripleQuoteStateAfter(line, openQuote);
            if (wasInString)
            {
                continue;
            }

            if (FromImport().Match(line) is { Success: true } from)
            {
                found.Add(new PythonImport(from.Groups["module"].Value.Split('.')[0], i + 1));
            }
            else if (PlainImport().Match(line) is { Success: true } plain)
            {
                foreach (var name in plain.Groups["names"].Value.Split(','))
                {
                    found.Add(new PythonImport(name.Trim().Split(' ')[0].Split('.')[0], i + 1));
                }
            }
        }

        return found;
    }

    /// <summary>Which triple quote is still open after the line (null when none): odd counts toggle.</summary>
    private static string? TripleQuoteStateAfter(string line, string? open)
    {
        var position = 0;
        while (true)
        {
            if (open is not null)
            {
                var close = line.IndexOf(open, position, StringComparison.Ordinal);
                if (close < 0)
                {
                    return open;
                }

                position = close + 3;
                open = null;
                continue;
            }

            var hash = line.IndexOf('#', position);
            var doubles = line.IndexOf("\"\"\"", position, StringComparison.Ordinal);
            var singles = line.IndexOf("'''", position, StringComparison.Ordinal);
            var next = doubles < 0 ? singles : singles < 0 ? doubles : Math.Min(doubles, singles);
            if (next < 0 || (hash >= 0 && hash < next))
            {
                return null;
            }

            open = line.Substring(next, 3);
            position = next + 3;
        }
    }

    [GeneratedRegex(@"^\s*from\s+(?<module>[A-Za-z_][\w.]*)\s+import\s")]
    private static partial Regex FromImport();

    [GeneratedRegex(@"^\s*import\s+(?<names>[A-Za-z_][\w.]*(\s+as\s+\w+)?(\s*,\s*[A-Za-z_][\w.]*(\s+as\s+\w+)?)*)\s*(;.*|#.*)?$")]
    private static partial Regex PlainImport();
}
