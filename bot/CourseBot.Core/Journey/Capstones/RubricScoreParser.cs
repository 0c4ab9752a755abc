using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using CourseBot.Core.Curriculum.Model;

namespace CourseBot.Core.Journey.Capstones;

/// <summary>
/// Reads rubric scores from a review body, forgivingly. Two forms, mixable:
/// <list type="bullet">
/// <item>one line per criterion, <c>criterion: points</c> (also <c>- **criterion**: 12 / 15</c>); the
/// criterion may be its full text, a unique start of it (4 characters or more), or its number in the
/// rubric (<c>1: 12</c>, <c>C1: 12</c>); case, punctuation and markup do not matter;</item>
/// <item>the rubric table from the pull request template with a score column added: the row's first
/// cell names the criterion, its last plain number (not a percentage) is the score.</item>
/// </list>
/// Points are 0 to the criterion's weight; a criterion scored twice with different points is an error.
/// Any other text is ignored (the review's comments).
/// </summary>
public static partial class RubricScoreParser
{
    public static RubricScores Parse(Capstone capstone, string? body)
    {
        ArgumentNullException.ThrowIfNull(capstone);
        var rubric = capstone.Rubric;
        var found = new Dictionary<int, List<double>>();
        var problems = new List<string>();
        foreach (var raw in (body ?? "").Split('\n'))
        {
            var line = raw.Trim();
            var (key, value) = line.StartsWith('|') ? TableRow(line) : ScoreLine(line);
            if (key is null || value is null || Match(rubric, key) is not { } index)
            {
                continue;
            }

            if (!TryPoints(value, out var points))
            {
                problems.Add($"\"{rubric[index].Criterion}\": \"{Clip(value)}\" is not a number of points");
                continue;
            }

            (found.TryGetValue(index, out var list) ? list : found[index] = []).Add(points);
        }

        var scores = ImmutableArray.CreateBuilder<(string, double)>();
        for (var i = 0; i < rubric.Length; i++)
        {
            var criterion = rubric[i];
            if (!found.TryGetValue(i, out var given))
            {
                if (!problems.Any(p => p.StartsWith($"\"{criterion.Criterion}\"", StringComparison.Ordinal)))
                {
                    problems.Add($"\"{criterion.Criterion}\" has no score (0 to {criterion.Weight})");
                }

                continue;
            }

            if (given.Distinct().Count() > 1)
            {
                problems.Add($"\"{criterion.Criterion}\" is scored twice ({string.Join(" and ", given.Select(Format))})");
            }
            else if (given[0] < 0 || given[0] > criterion.Weight)
            {
                problems.Add($"\"{criterion.Criterion}\": {Format(given[0])} is outside 0 to {criterion.Weight}");
            }
            else
            {
                scores.Add((criterion.Criterion, given[0]));
            }
        }

        return new RubricScores(scores.ToImmutable(), [.. problems], rubric.Sum(r => r.Weight));
    }

    /// <summary>The rubric's criterion a key names: its text, a unique start of it, or its number.</summary>
    private static int? Match(ImmutableArray<RubricCriterion> rubric, string key)
    {
        var wanted = Normalize(key);
        if (wanted.Length == 0)
        {
            return null;
        }

        if (
            NumberKey().Match(wanted) is { Success: true } number
            && int.TryParse(number.Groups[1].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var n)
            && n >= 1
            && n <= rubric.Length
        )
        {
            return n - 1;
        }

        var names = rubric.Select(r => Normalize(r.Criterion)).ToList();
        var exact = names.IndexOf(wanted);
        if (exact >= 0)
        {
            return exact;
        }

        var starts = names
            .Select((name, i) => (name, i))
            .Where(x => wanted.Length >= 4 && x.name.StartsWith(wanted, StringComparison.Ordinal))
            .ToList();
        return starts.Count == 1 ? starts[0].i : null;
    }

    private static (string? Key, string? Value) ScoreLine(string line)
    {
        var colon = line.LastIndexOf(':');
        return colon <= 0 ? (null, null) : (line[..colon], line[(colon + 1)..].Trim());
    }

    private static (string? Key, string? Value) TableRow(string line)
    {
        var cells = line.Trim('|').Split('|').Select(c => c.Trim()).ToList();
        if (cells.Count < 2)
        {
            return (null, null);
        }

        var score = cells.Skip(1).LastOrDefault(c => c.Length > 0 && !c.Contains('%', StringComparison.Ordinal) && TryPoints(c, out _));
        return (cells[0], score);
    }

    /// <summary><c>12</c>, <c>12.5</c>, <c>12/15</c>, <c>**12**</c>, <c>12 points</c>.</summary>
    private static bool TryPoints(string value, out double points)
    {
        var match = Points().Match(value.Replace("*", "", StringComparison.Ordinal).Trim());
        points = 0;
        return match.Success
            && double.TryParse(
                match.Groups[1].Value.Replace(',', '.'),
                NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign,
                CultureInfo.InvariantCulture,
                out points
            );
    }

    private static string Normalize(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text.ToLowerInvariant())
        {
            if (char.IsLetterOrDigit(c))
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    private static string Format(double points) => points.ToString("0.##", CultureInfo.InvariantCulture);

    private static string Clip(string value) => value.Length <= 20 ? value : value[..20] + "…";

    [GeneratedRegex(@"^c?(\d{1,2})$")]
    private static partial Regex NumberKey();

    [GeneratedRegex(@"^(-?\d+(?:[.,]\d+)?)\s*(?:/\s*\d+(?:[.,]\d+)?)?\s*(?:points?|pts?)?$", RegexOptions.IgnoreCase)]
    private static partial Regex Points();
}
