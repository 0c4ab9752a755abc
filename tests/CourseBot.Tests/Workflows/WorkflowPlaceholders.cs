using System.Text.RegularExpressions;

namespace CourseBot.Tests.Workflows;

/// <summary>
/// The placeholders `coursebot course publish` fills in (action.yml, grade.yml, the learner shim), with
/// plausible values for tests that need a workflow as it would be published.
/// </summary>
internal static partial class WorkflowPlaceholders
{
    public static readonly string ActionSha = "0123456789abcdef0123456789abcdef01234567";

    public static IReadOnlyDictionary<string, string> Plausible { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["__GRADER_VERSION__"] = "1.2.0",
        ["__GRADER_RELEASE_URL__"] = "https://github.com/coursebot/coursebot/releases/download/v1.2.0",
        ["__GRADER_SHA256_LINUX_X64__"] = new string('a', 64),
        ["__GRADER_SHA256_LINUX_ARM64__"] = new string('b', 64),
        ["__COURSE_OWNER__"] = "course-org",
        ["__BOT_URL__"] = "https://coursebot.course-org.example",
        ["__GRADER_ACTION__"] = "course-org/coursebot-grader@" + ActionSha,
        ["__COURSE_WORKFLOW__"] = "course-org/celery-course/.github/workflows/grade.yml@" + ActionSha,
    };

    public static string Fill(string text, IReadOnlyDictionary<string, string> values) =>
        Placeholder().Replace(text, match => values.TryGetValue(match.Value, out var value)
            ? value
            : throw new InvalidOperationException($"no value for {match.Value}"));

    /// <summary>Whether a text still holds a placeholder.</summary>
    public static bool Any(string text) => Placeholder().IsMatch(text);

    [GeneratedRegex("__[A-Z0-9]+(?:_[A-Z0-9]+)*__")]
    private static partial Regex Placeholder();
}
