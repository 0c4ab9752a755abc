using System.Globalization;
using nietras.SeparatedValues;

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
        var problems = new List<string>();
        var rows = new List<Row>();
        // RFC 4180 by Sep: quoted fields may hold commas, doubled quotes and line breaks; rows may be short.
        using var reader = Sep.New(',').Reader(o => o with { Unescape = true, DisableColCountCheck = true }).FromText(csv);
        var header = reader.Header.ColNames.Select(h => h.Trim().ToLowerInvariant()).ToList();
        if (header.All(string.IsNullOrEmpty))
        {
            return (rows, ["the roster is empty"]);
        }

        var login = header.FindIndex(h => h is "github_username" or "login" or "github");
        if (login < 0)
        {
            return (rows, ["line 1: no github_username (or login) column"]);
        }

        int Column(string name) => header.IndexOf(name);
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var row in reader)
        {
            var fields = row[0..row.ColCount].ToStringsArray();
            if (fields.All(string.IsNullOrWhiteSpace))
            {
                continue;
            }

            string? Field(int index) =>
                index >= 0 && index < fields.Length && !string.IsNullOrWhiteSpace(fields[index]) ? fields[index].Trim() : null;
            var line = row.LineNumberFrom;
            var user = Field(login);
            if (user is null)
            {
                problems.Add(string.Create(
                    CultureInfo.InvariantCulture, $"line {line}: no GitHub account yet ({Field(0) ?? "no identifier"}); not enrolled"));
            }
            else if (!IsLogin(user))
            {
                problems.Add(string.Create(CultureInfo.InvariantCulture, $"line {line}: '{user}' is not a GitHub login"));
            }
            else if (seen.Add(user))
            {
                rows.Add(new Row(line, user, Field(Column("path")), Field(Column("pace")), Field(Column("start"))));
            }
        }

        return (rows, problems);
    }

    /// <summary>GitHub logins: letters, digits and single hyphens, not at either end, at most 39.</summary>
    public static bool IsLogin(string text) =>
        text.Length is > 0 and <= 39 && text[0] != '-' && text[^1] != '-' && !text.Contains("--", StringComparison.Ordinal)
        && text.All(c => char.IsAsciiLetterOrDigit(c) || c == '-');
}
