using System.Collections.Immutable;
using CourseBot.Core.Curriculum.Model;

namespace CourseBot.Core.Journey.Progression;

/// <summary>The course's certification levels applied to completed paths and tracks.</summary>
internal static class CertificateRules
{
    public static ImmutableArray<EarnedCertificate> Earned(
        Course course,
        IReadOnlyList<PathProgress> paths,
        IReadOnlyDictionary<string, DateTimeOffset> passed
    )
    {
        var complete = paths.Where(p => p.Complete).ToDictionary(p => p.Path.Id, p => CompletedAt(p.Path, passed), StringComparer.Ordinal);
        var tracks = paths.SelectMany(p => p.CompletedTracks).ToHashSet(StringComparer.Ordinal);
        var earned = new List<EarnedCertificate>();
        foreach (var certification in course.Certifications.OrderBy(c => c.Level))
        {
            if (certification.PerPath)
            {
                earned.AddRange(
                    complete.OrderBy(c => course.FindPath(c.Key)?.Number).Select(c => new EarnedCertificate(certification, c.Key, c.Value))
                );
                continue;
            }

            var pathsDone = certification.Paths.All(complete.ContainsKey);
            var tracksDone = certification.Tracks.All(tracks.Contains) && tracks.Count >= certification.MinTracks;
            if (pathsDone && tracksDone && certification.Paths.Length > 0)
            {
                var at = certification.Paths.Select(p => complete[p]).Max();
                earned.Add(new EarnedCertificate(certification, null, at));
            }
        }

        return [.. earned];
    }

    private static DateTimeOffset CompletedAt(LearningPath path, IReadOnlyDictionary<string, DateTimeOffset> passed) =>
        path.AllModules.Where(passed.ContainsKey).Select(m => passed[m]).DefaultIfEmpty(DateTimeOffset.MinValue).Max();
}
