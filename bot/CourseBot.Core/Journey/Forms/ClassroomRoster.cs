using System.Globalization;

namespace CourseBot.Core.Journey.Forms;

/// <summary>
/// Reads a roster CSV: GitHub Classroom's export (<c>identifier,github_username,github_id,name</c>)
/// or any CSV with a <c>github_username</c> (or <c>login</c>) column, plus optional <c>path</c>,
/// <c>pace</c> and <c>start</c> columns. Rows without a GitHub account are reported, not enrolled.
/// </summary>
public static class ClassroomRoster
{
    public sealed record Row(int Line, string Login, string? Path, string? Pace, string? Start);

    public static (IReadOnlyList<Row> Rows, IReadOnlyList<string> Problems) Read(string csv)
    {
        ArgumentNullException.ThrowIfNull(csv);
        var lines = csv.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var problems = new List<string>();
        var rows = new List<Row>();
        if (lines.Length == 0 || string.IsNullOrWhiteSpace(lines[0]))
        {
            return (rows, ["the roster is empty"]);
        }

        var header = Fields(lines[0]).Select(h => h.Trim().ToLowerInvariant()).ToList();
        var login = header.FindIndex(h => h is "github_username" or "login" or "github");
        if (login < 0)
        {
            return (rows, ["line 1: no github_username (or login) column"]);
        }

        int Column(string name) => header.IndexOf(name);
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 1; i < lines.Length; i++)
        {
            if (string.IsNullOrWhiteSpace(lines[i]))
            {
                continue;
            }

            var fields = Fields(lines[i]);
            string? Field(int index) => index >= 0 && index < fields.Count && !string.IsNullOrWhiteSpace(fields[index]) ? fields[index].Trim() : null;
            var user = Field(login);
            if (user is null)
            {
                problems.Add(string.Create(CultureInfo.InvariantCulture, $"line {i + 1}: no GitHub account yet ({Field(0) ?? "no identifier"}); not enrolled"));
            }
            else if (!IsLogin(user))
            {
                problems.Add(string.Create(CultureInfo.InvariantCulture, $"line {i + 1}: '{user}' is not a GitHub login"));
            }
            else if (seen.Add(user))
            {
                rows.Add(new Row(i + 1, user, Field(Column("path")), Field(Column("pace")), Field(Column("start"))));
            }
        }

        return (rows, problems);
    }

    /// <summary>GitHub logins: letters, digits and single hyphens, not at either end, at most 39.</summary>
    public static bool IsLogin(string text) =>
        text.Length is > 0 and <= 39 && text[0] != '-' && text[^1] != '-' && !text.Contains("--", StringComparison.Ordinal)
        && text.All(c => char.IsAsciiLetterOrDigit(c) || c == '-');

    /// <summary>RFC 4180 fields of one line (quoted fields with doubled quotes).</summary>
    private static List<string> Fields(string line)
    {
        var fields = new List<string>();
        var current = new System.Text.StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"')
                {
                    current.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    current.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                fields.Add(current.ToString());
                current.Clear();
            }
            else
            {
                current.Append(c);
            }
        }

        fields.Add(current.ToString());
        return fields;
    }
}
