using System.Globalization;
using CourseBot.Core.Curriculum.Model;

namespace CourseBot.Core.OpenBadges;

/// <summary>
/// A certification level's criteria in the seed's words ("Certification Levels" and "Path Completion Requirements"), composed from
/// the course model so a changed course.yml changes the text: "Paths 1 + 2", "All paths + 2 specializations", and so on.
/// </summary>
public static class CriteriaText
{
    public static string For(Course course, Certification certification, string? pathId)
    {
        ArgumentNullException.ThrowIfNull(course);
        ArgumentNullException.ThrowIfNull(certification);
        var rule = certification.PerPath && pathId is not null && course.FindPath(pathId) is { } path
            ? string.Create(CultureInfo.InvariantCulture, $"Individual path completion: Path {path.Number}, {path.Title}.")
            : Levels(course, certification);
        return $"{rule} {PathCompletion(course)}";
    }

    private static string Levels(Course course, Certification certification)
    {
        var all = certification.Paths.Length == course.Paths.Length;
        var paths = all ? "All paths"
            : "Paths " + string.Join(" + ",
                certification.Paths.Select(p => course.FindPath(p)?.Number.ToString(CultureInfo.InvariantCulture) ?? p));
        var allTracks = course.Paths.SelectMany(p => p.Tracks).Count();
        var tracks = certification.Tracks.Length > 0 && certification.Tracks.Length == allTracks ? " + all specializations"
            : certification.MinTracks > 0 ? string.Create(CultureInfo.InvariantCulture, $" + {certification.MinTracks} specializations")
            : "";
        return paths + tracks + ".";
    }

    private static string PathCompletion(Course course)
    {
        var rule = course.Passing.Path;
        var parts = new List<string> { "all modules completed" };
        if (!string.IsNullOrWhiteSpace(rule.Capstone))
        {
            parts.Add("capstone project submitted and approved");
        }

        if (rule.FinalExamMinPercent > 0)
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"final exam score ≥ {rule.FinalExamMinPercent} %"));
        }

        if (!string.IsNullOrWhiteSpace(rule.PeerReview) && !rule.PeerReview.Equals("none", StringComparison.OrdinalIgnoreCase))
        {
            parts.Add("peer review participation");
        }

        return "Each path complete: " + string.Join(", ", parts) + ".";
    }
}
