using System.Text.RegularExpressions;

namespace CourseBot.Core.Journey.Forms;

/// <summary>
/// What a cohort may be called: it comes from learner text (the Enroll form) and ends up in file names and tables
/// (the dashboard's <c>grades/COHORT.csv</c>), so only a short name of letters, digits, dot, dash and underscore.
/// </summary>
public static partial class CohortName
{
    public const string Rule = "1 to 40 letters, digits, `.`, `-` or `_`, starting with a letter or digit";

    public static bool IsValid(string? name) => name is not null && Pattern().IsMatch(name);

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
