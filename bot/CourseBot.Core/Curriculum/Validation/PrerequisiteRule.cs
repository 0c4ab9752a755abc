using CourseBot.Core.Curriculum.Model;

namespace CourseBot.Core.Curriculum.Validation;

/// <summary>
/// Prerequisites name existing modules, paths and tracks; module prerequisites form an acyclic
/// graph that agrees with the course order (earlier path, or earlier in the same path and track).
/// </summary>
internal sealed class PrerequisiteRule : ICurriculumRule
{
    public void Check(Course course, DiagnosticBag bag)
    {
        var order = CourseOrder(course);
        // A cycle is reported once as a cycle; its edges are not reported again as order errors.
        var cycleEdges = ReportCycles(course, bag);
        foreach (var path in course.Paths)
        {
            CheckPathReferences(course, path.Prerequisites, path.Number, path.Location, "prerequisites", bag);
        }

        foreach (var module in course.Modules)
        {
            var pathNumber = course.FindPath(module.Path)?.Number ?? 0;
            CheckPathReferences(course, module.Prerequisites, pathNumber, module.Location, "prerequisites", bag);
            foreach (var id in module.Prerequisites.Modules)
            {
                var required = course.FindModule(id);
                if (course.UnreadableModules.Contains(id))
                {
                    continue;
                }

                if (required is null || required.Id != id)
                {
                    bag.Add(module.Location, "prerequisites.modules", $"module '{id}' does not exist");
                }
                else if (required.Id == module.Id)
                {
                    bag.Add(module.Location, "prerequisites.modules", "a module cannot require itself");
                }
                else if (
                    !cycleEdges.Contains((module.Id, id))
                    && order.TryGetValue(module.Id, out var mine)
                    && order.TryGetValue(id, out var theirs)
                    && !Precedes(theirs, mine)
                )
                {
                    bag.Add(module.Location, "prerequisites.modules",
                        $"'{id}' ({theirs}) does not come before '{module.Id}' ({mine}) in the course order");
                }
            }
        }
    }

    private static void CheckPathReferences(
        Course course,
        Prerequisites prerequisites,
        int ownPathNumber,
        SourceLocation location,
        string field,
        DiagnosticBag bag
    )
    {
        foreach (var id in prerequisites.Paths)
        {
            var path = course.FindPath(id);
            if (path is null)
            {
                bag.Add(location, $"{field}.paths", $"path '{id}' does not exist");
            }
            else if (ownPathNumber > 0 && path.Number >= ownPathNumber)
            {
                bag.Add(location, $"{field}.paths", $"path '{id}' (path {path.Number}) must come before path {ownPathNumber}");
            }
        }

        foreach (var id in prerequisites.AnyTrack.Where(id => course.FindTrack(id) is null))
        {
            bag.Add(location, $"{field}.any_track", $"track '{id}' does not exist");
        }

        if (prerequisites.Alternative is not null && prerequisites.Paths.IsEmpty)
        {
            bag.Add(location, $"{field}.alternative", "an alternative replaces a path prerequisite, but no paths are listed");
        }
    }

    /// <summary>Where each module stands: its path number, its track (if any), and its index in the path's listing.</summary>
    private static Dictionary<string, Position> CourseOrder(Course course)
    {
        var order = new Dictionary<string, Position>(StringComparer.Ordinal);
        foreach (var path in course.Paths)
        {
            foreach (var track in path.Tracks)
            {
                for (var i = 0; i < track.Modules.Length; i++)
                {
                    order.TryAdd(track.Modules[i], new Position(path.Number, track.Id, i));
                }
            }

            for (var i = 0; i < path.Modules.Length; i++)
            {
                // The path's own modules come after its tracks (module 45 integrates them).
                order.TryAdd(path.Modules[i], new Position(path.Number, null, 1000 + i));
            }
        }

        return order;
    }

    private static bool Precedes(Position earlier, Position later) =>
        earlier.Path < later.Path
        || (earlier.Path == later.Path && earlier.Index < later.Index
            && (earlier.Track == later.Track || later.Track is null));

    private static HashSet<(string From, string To)> ReportCycles(Course course, DiagnosticBag bag)
    {
        var edges = new HashSet<(string, string)>();
        var byId = course
            .Modules.Where(m => m.Id.Length > 0)
            .GroupBy(m => m.Id)
            .ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var state = new Dictionary<string, bool>(StringComparer.Ordinal); // false: on the stack, true: done
        var stack = new List<string>();
        var reported = new HashSet<string>(StringComparer.Ordinal);

        void Visit(Module module)
        {
            state[module.Id] = false;
            stack.Add(module.Id);
            foreach (var id in module.Prerequisites.Modules)
            {
                if (!byId.TryGetValue(id, out var next))
                {
                    continue;
                }

                if (!state.TryGetValue(id, out var done))
                {
                    Visit(next);
                }
                else if (!done)
                {
                    var cycle = stack.Skip(stack.IndexOf(id)).Append(id).ToList();
                    for (var i = 0; i + 1 < cycle.Count; i++)
                    {
                        edges.Add((cycle[i], cycle[i + 1]));
                    }

                    if (reported.Add(string.Join(",", cycle.Order(StringComparer.Ordinal))))
                    {
                        bag.Add(module.Location, "prerequisites.modules", $"prerequisite cycle: {string.Join(" -> ", cycle)}");
                    }
                }
            }

            stack.RemoveAt(stack.Count - 1);
            state[module.Id] = true;
        }

        foreach (var module in byId.Values.Where(m => !state.ContainsKey(m.Id)))
        {
            Visit(module);
        }

        return edges;
    }

    private sealed record Position(int Path, string? Track, int Index)
    {
        public override string ToString() => Track is null ? $"path {Path}" : $"path {Path}, track {Track}";
    }
}
