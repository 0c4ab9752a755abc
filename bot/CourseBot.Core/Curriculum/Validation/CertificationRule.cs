using CourseBot.Core.Curriculum.Model;

namespace CourseBot.Core.Curriculum.Validation;

/// <summary>Certification rules name existing paths and tracks and can be met.</summary>
internal sealed class CertificationRule : ICurriculumRule
{
    public void Check(Course course, DiagnosticBag bag)
    {
        var trackCount = course.Tracks.Count();
        foreach (var certification in course.Certifications)
        {
            foreach (var id in certification.Paths.Where(id => course.FindPath(id) is null))
            {
                bag.Add(certification.Location, "paths", $"path '{id}' does not exist");
            }

            foreach (var id in certification.Tracks.Where(id => course.FindTrack(id) is null))
            {
                bag.Add(certification.Location, "tracks", $"track '{id}' does not exist");
            }

            if (certification.PerPath == !certification.Paths.IsEmpty)
            {
                bag.Add(
                    certification.Location,
                    "paths",
                    "a certification is either per_path or lists the paths it requires, not both or neither"
                );
            }

            if (certification.MinTracks > trackCount)
            {
                bag.Add(certification.Location, "min_tracks", $"requires {certification.MinTracks} tracks but the course has {trackCount}");
            }
        }
    }
}
