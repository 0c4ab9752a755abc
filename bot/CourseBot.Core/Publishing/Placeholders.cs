using System.Text.RegularExpressions;

namespace CourseBot.Core.Publishing;

/// <summary>
/// Fills <c>__NAME__</c> placeholders in published files, and finds any left: a placeholder that
/// reaches GitHub is a workflow that cannot run, or one that trusts the wrong owner.
/// </summary>
public static partial class Placeholders
{
    /// <summary>Names from before publish existed, edited by hand then; none may survive either.</summary>
    public static readonly IReadOnlyList<string> LegacyNames = ["COURSE_OWNER", "COURSE_REPO", "COURSEBOT_HOST"];

    public static string Fill(string text, IReadOnlyDictionary<string, string> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        return Pattern().Replace(text, m => values.TryGetValue(m.Groups["name"].Value, out var value) ? value : m.Value);
    }

    /// <summary>Placeholders in <paramref name="text"/> that publish has no value for here, and legacy names.</summary>
    public static IEnumerable<string> Unexpected(string text, IReadOnlyCollection<string> known)
    {
        ArgumentNullException.ThrowIfNull(known);
        return Left(text).Where(p => !(p.StartsWith("__", StringComparison.Ordinal) && known.Contains(p.Trim('_'))));
    }

    /// <summary>Every placeholder (new or legacy) left in <paramref name="text"/>.</summary>
    public static IEnumerable<string> Left(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        // A legacy name inside a new placeholder (__COURSE_OWNER__) is the new placeholder, not a legacy one.
        var outside = Pattern().Replace(text, "");
        return Pattern().Matches(text).Select(m => m.Value)
            .Concat(LegacyNames.Where(n => outside.Contains(n, StringComparison.Ordinal)));
    }

    [GeneratedRegex("__(?<name>[A-Z0-9_]+)__")]
    private static partial Regex Pattern();
}
