using System.Collections.Immutable;
using CourseBot.Core.Curriculum.Model;

namespace CourseBot.Core.Journey.Progression;

/// <summary>
/// The course's certification levels applied to completed paths and tracks. A path the learner was placed past (they enrolled
/// in a later path and passed its placement) counts for the higher levels as the seed's "Path N completion OR equivalent
/// knowledge" does for entry, but earns no Certificate of Completion of its own: that certifies work done in the course.
/// </summary>
internal static class CertificateRules
{
    public static ImmutableArray<EarnedCertificate> Earned(
        Course course,
        IReadOnlyList<PathProgress> paths,
        IReadOnlyDictionary<string, DateTimeOffset> passed,
        IReadOnlyDictionary<string, DateTimeOffset> credited
    )
    {
        var complete = paths.Where(p => p.Complete).ToDictionary(p => p.Path.Id, p => CompletedAt(p.Path, passed), StringComparer.Ordinal);
        var counted = new Dictionary<string, DateTimeOffset>(complete, StringComparer.Ordinal);
        foreach (var (path, at) in credited)
        {
            counted.TryAdd(path, at);
        }

        var tracks = paths.SelectMany(p => p.CompletedTracks).ToHashSet(StringComparer.Ordinal);
        var earned = new List<EarnedCertificate>();
        foreach (var certification in course.Certifications.OrderBy(c => c.Level))
        {
            if (certification.PerPath)
            {
                earned.AddRange(complete.OrderBy(c => course.FindPath(c.Key)?.Number)
                    .Select(c => new EarnedCertificate(certification, c.Key, c.Value) { Competency = CompetencyOf(course, [c.Key]) }));
                continue;
            }

            if (Holds(certification, counted, tracks))
            {
                var at = certification.Paths.Select(p => counted[p]).Max();
                earned.Add(new EarnedCertificate(certification, null, at)
                {
                    Competency = CompetencyOf(course, certification.Paths),
                    PlacedPaths = [.. certification.Paths.Where(p => !complete.ContainsKey(p))],
                });
            }
        }

        return [.. earned];
    }

    /// <summary>The first level above Completion not earned yet, with what it still takes; null when every level is earned.</summary>
    public static NextCertificate? Next(
        Course course,
        IReadOnlyList<PathProgress> paths,
        IReadOnlyDictionary<string, DateTimeOffset> credited,
        ImmutableArray<EarnedCertificate> earned
    )
    {
        var tracks = paths.SelectMany(p => p.CompletedTracks).ToHashSet(StringComparer.Ordinal);
        var next = course.Certifications.Where(c => !c.PerPath && c.Paths.Length > 0).OrderBy(c => c.Level)
            .FirstOrDefault(c => !earned.Any(e => e.Certification.Id == c.Id));
        if (next is null)
        {
            return null;
        }

        var missingPaths = next
            .Paths.Where(id => !credited.ContainsKey(id) && paths.FirstOrDefault(p => p.Path.Id == id) is not { Complete: true })
            .Select(id => (course.FindPath(id), paths.FirstOrDefault(p => p.Path.Id == id)))
            .Where(p => p.Item1 is not null)
            .Select(p => new MissingPath(p.Item1!, p.Item2))
            .ToImmutableArray();
        var missingTracks = next.Tracks.Where(t => !tracks.Contains(t))
            .Select(t => course.Paths.SelectMany(p => p.Tracks).FirstOrDefault(k => k.Id == t))
            .OfType<Track>()
            .ToImmutableArray();
        // A missing path with tracks brings the tracks its own completion asks for: those are not "more" tracks to name.
        var brought = missingPaths.Where(p => !p.Path.Tracks.IsEmpty)
            .Sum(p => Math.Max(0, Math.Max(p.Path.TracksRequired, 1) - p.Path.Tracks.Count(t => tracks.Contains(t.Id))));
        var moreTracks = Math.Max(0, next.MinTracks - tracks.Count - missingTracks.Length - brought);
        return new NextCertificate(next, missingPaths, missingTracks, moreTracks);
    }

    /// <summary>The highest competency level whose path is complete or credited by placement; null before the first.</summary>
    public static Competency? Reached(
        Course course,
        IReadOnlyList<PathProgress> paths,
        IReadOnlyDictionary<string, DateTimeOffset> credited
    ) => CompetencyOf(course, [.. paths.Where(p => p.Complete).Select(p => p.Path.Id), .. credited.Keys]);

    private static bool Holds(Certification certification, Dictionary<string, DateTimeOffset> counted, HashSet<string> tracks) =>
        certification.Paths.Length > 0
        && certification.Paths.All(counted.ContainsKey)
        && certification.Tracks.All(tracks.Contains)
        && tracks.Count >= certification.MinTracks;

    private static Competency? CompetencyOf(Course course, IEnumerable<string> paths)
    {
        var ids = paths.ToHashSet(StringComparer.Ordinal);
        return course.Competencies.Where(c => ids.Contains(c.Path)).MaxBy(c => c.Level);
    }

    private static DateTimeOffset CompletedAt(LearningPath path, IReadOnlyDictionary<string, DateTimeOffset> passed) =>
        path.AllModules.Where(passed.ContainsKey).Select(m => passed[m]).DefaultIfEmpty(DateTimeOffset.MinValue).Max();
}
