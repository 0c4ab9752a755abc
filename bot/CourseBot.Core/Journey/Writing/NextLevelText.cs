using System.Globalization;
using CourseBot.Core.Curriculum.Model;
using CourseBot.Core.Journey.Progression;

namespace CourseBot.Core.Journey.Writing;

/// <summary>The README's lines on certification: the competency level reached and what the next level still takes.</summary>
public static class NextLevelText
{
    public static string Competency(Course course, LearnerProgress progress)
    {
        ArgumentNullException.ThrowIfNull(course);
        ArgumentNullException.ThrowIfNull(progress);
        if (progress.Competency is { } reached)
        {
            return $"Competency level: **{Level(reached)}** (can: {reached.Can}; produces: {reached.Produces}).";
        }

        var first = course.Competencies.MinBy(c => c.Level);
        return first is null ? "" : $"Competency level: none yet ({Level(first)} comes with {PathName(course, first.Path)}).";
    }

    public static string Next(LearnerProgress progress)
    {
        ArgumentNullException.ThrowIfNull(progress);
        if (progress.Next is not { } next)
        {
            return progress.Certificates.IsEmpty ? "" : "Every certification level earned.";
        }

        var needs = next.Paths.Select(Missing).Concat(next.Tracks.Select(t => $"track {t.Code} {t.Title}")).ToList();
        if (next.MoreTracks > 0)
        {
            needs.Add(next.MoreTracks == 1 ? "1 more specialization track" : string.Create(CultureInfo.InvariantCulture,
                $"{next.MoreTracks} more specialization tracks"));
        }

        return $"Next level: **{next.Certification.Title}**, still needed: {string.Join("; ", needs)}.";
    }

    /// <summary>A competency as a short label: <c>Level 2 · Professional</c>.</summary>
    public static string Level(Competency competency)
    {
        ArgumentNullException.ThrowIfNull(competency);
        return string.Create(CultureInfo.InvariantCulture, $"Level {competency.Level} · {competency.Title}");
    }

    private static string Missing(MissingPath missing)
    {
        var name = string.Create(CultureInfo.InvariantCulture, $"Path {missing.Path.Number} · {missing.Path.Title}");
        return missing.Progress switch
        {
            null => $"{name} (counts once you are placed past it)",
            { ModulesComplete: true } p => string.Create(CultureInfo.InvariantCulture,
                $"{name} (peer reviews given: {p.PeerReviewsGiven} of {p.PeerReviewsRequired})"),
            var p => string.Create(CultureInfo.InvariantCulture, $"{name} ({p.Passed} of {p.Total} modules passed)"),
        };
    }

    private static string PathName(Course course, string pathId) =>
        course.FindPath(pathId) is { } path ? string.Create(CultureInfo.InvariantCulture, $"Path {path.Number}") : pathId;
}
