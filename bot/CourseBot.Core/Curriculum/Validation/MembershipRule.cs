using CourseBot.Core.Curriculum.Model;

namespace CourseBot.Core.Curriculum.Validation;

/// <summary>Every module belongs to exactly one path (and track) listing, and says so itself.</summary>
internal sealed class MembershipRule : ICurriculumRule
{
    public void Check(Course course, DiagnosticBag bag)
    {
        var listedIn = new Dictionary<string, (LearningPath Path, Track? Track)>(StringComparer.Ordinal);
        foreach (var path in course.Paths)
        {
            var lists = path.Tracks.Select(t => (Track: (Track?)t, t.Modules, Location: t.ModulesLocation))
                .Append((Track: null, path.Modules, Location: path.ModulesLocation));
            foreach (var (track, modules, location) in lists)
            {
                foreach (var id in modules)
                {
                    if (course.UnreadableModules.Contains(id))
                    {
                        continue; // its own file's error says why
                    }

                    if (course.FindModule(id) is null || int.TryParse(id, out _))
                    {
                        bag.Add(location, "modules", $"module '{id}' does not exist (no modules/NN-{id}/module.yml)");
                    }
                    else if (!listedIn.TryAdd(id, (path, track)))
                    {
                        bag.Add(location, "modules", $"module '{id}' is listed more than once (also in path '{listedIn[id].Path.Id}')");
                    }
                }
            }

            if (path.TracksRequired > path.Tracks.Length)
            {
                bag.Add(path.Location, "tracks_required", $"{path.TracksRequired} tracks required but the path has {path.Tracks.Length}");
            }
        }

        foreach (var module in course.Modules.Where(m => m.Id.Length > 0))
        {
            if (course.FindPath(module.Path) is null)
            {
                bag.Add(
                    module.Location,
                    "path",
                    $"path '{module.Path}' does not exist (expected one of {string.Join(", ", course.Paths.Select(p => p.Id))})"
                );
                continue;
            }

            if (!listedIn.TryGetValue(module.Id, out var listing))
            {
                bag.Add(module.Location, "id", $"module '{module.Id}' is not listed in any path or track of course.yml");
                continue;
            }

            if (listing.Path.Id != module.Path)
            {
                bag.Add(module.Location, "path", $"module says path '{module.Path}' but course.yml lists it in path '{listing.Path.Id}'");
            }

            if (listing.Track?.Id != module.Track)
            {
                var expected = listing.Track is null ? "no track" : $"track '{listing.Track.Id}'";
                bag.Add(
                    module.Location,
                    "track",
                    $"module says {(module.Track is null ? "no track" : $"track '{module.Track}'")} but course.yml lists it "
                    + $"under {expected}"
                );
            }
        }
    }
}
