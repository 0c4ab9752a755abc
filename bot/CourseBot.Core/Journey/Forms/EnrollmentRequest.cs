using System.Globalization;
using CourseBot.Core.Curriculum.Model;

namespace CourseBot.Core.Journey.Forms;

/// <summary>What a learner asked for in the Enroll form (or an instructor in a roster): a path, a pace, a start date.</summary>
public sealed record EnrollmentRequest(string Login, string PathId, string PaceId, DateOnly Start, string? Cohort)
{
    /// <summary>
    /// Reads the Enroll form. Answers may be an id (<c>fundamentals</c>) or the title GitHub's dropdown
    /// shows (<c>Path 1: Celery Fundamentals</c>); an empty start date means today. Problems are
    /// returned in words the learner can act on.
    /// </summary>
    public static (EnrollmentRequest? Request, IReadOnlyList<string> Problems) FromForm(
        Course course,
        string login,
        string? body,
        DateOnly today,
        string defaultPace
    )
    {
        ArgumentNullException.ThrowIfNull(course);
        var sections = IssueFormSections.Parse(body);
        var problems = new List<string>();
        var path = Match(sections.GetValueOrDefault("Path"), course.Paths.Select(p => (p.Id, $"Path {p.Number}: {p.Title}")));
        if (path is null)
        {
            problems.Add($"choose a path ({string.Join(", ", course.Paths.Select(p => $"`{p.Id}`"))}) in the **Path** field");
        }

        var paceText = sections.GetValueOrDefault("Pace");
        var pace = string.IsNullOrWhiteSpace(paceText) ? defaultPace : Match(paceText, course.Paces.Select(p => (p.Id, p.Title)));
        if (pace is null)
        {
            problems.Add($"choose a pace ({string.Join(", ", course.Paces.Select(p => $"`{p.Id}`"))}) in the **Pace** field");
        }

        var start = today;
        var startText = sections.GetValueOrDefault("Start date")?.Trim();
        if (
            !string.IsNullOrEmpty(startText)
            && !DateOnly.TryParseExact(startText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out start)
        )
        {
            problems.Add($"write the **Start date** as YYYY-MM-DD (for example {today:yyyy-MM-dd}), not `{Shorten(startText)}`");
        }

        var cohortText = sections.GetValueOrDefault("Cohort")?.Trim();
        var cohort = string.IsNullOrEmpty(cohortText) ? null : CohortName.IsValid(cohortText) ? cohortText : null;
        if (!string.IsNullOrEmpty(cohortText) && cohort is null)
        {
            problems.Add($"write the **Cohort** as your instructor named it ({CohortName.Rule}), not `{Shorten(cohortText)}`");
        }

        return problems.Count > 0 || path is null || pace is null
            ? (null, problems)
            : (new EnrollmentRequest(login, path, pace, start, cohort), problems);
    }

    private static string? Match(string? answer, IEnumerable<(string Id, string Title)> choices)
    {
        var text = answer?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        foreach (var (id, title) in choices)
        {
            if (
                string.Equals(text, id, StringComparison.OrdinalIgnoreCase)
                || string.Equals(text, title, StringComparison.OrdinalIgnoreCase)
                || text.StartsWith(id + " ", StringComparison.OrdinalIgnoreCase)
                || text.StartsWith(title, StringComparison.OrdinalIgnoreCase)
            )
            {
                return id;
            }
        }

        return null;
    }

    private static string Shorten(string text) => (text.Length > 40 ? text[..40] + "…" : text).Replace('`', '\'');
}
