using System.Globalization;
using CourseBot.Core.Curriculum.Model;

namespace CourseBot.Cli.Commands;

/// <summary>Plain-text views of the course for the terminal: the module table and one module in full.</summary>
internal static class CurriculumTableWriter
{
    public static void WriteModuleTable(Course course, TextWriter output)
    {
        var rows = course.Modules.OrderBy(m => m.Number).Select(m => new[]
        {
            m.Number.ToString(CultureInfo.InvariantCulture),
            m.Id,
            PathLabel(course, m),
            $"{m.Duration} ({m.Hours} h)",
            AssessmentSummary(m),
        }).ToList();
        string[] header = ["#", "module", "path", "duration", "assessments"];
        var widths = Enumerable.Range(0, header.Length).Select(i => rows.Select(r => r[i].Length).Append(header[i].Length).Max()).ToArray();
        WriteRow(output, header, widths);
        WriteRow(output, widths.Select(w => new string('-', w)).ToArray(), widths);
        foreach (var row in rows)
        {
            WriteRow(output, row, widths);
        }
    }

    public static void WriteModule(Course course, Module module, TextWriter output)
    {
        var invariant = CultureInfo.InvariantCulture;
        output.WriteLine(string.Create(invariant, $"Module {module.Number}: {module.Title}  [{module.Id}]"));
        output.WriteLine(string.Create(invariant, $"Path:      {PathLabel(course, module)}"));
        output.WriteLine(string.Create(invariant, $"Duration:  {module.Duration} ({module.Hours} hours)"));
        output.WriteLine(string.Create(invariant, $"Requires:  {Requirements(course, module.Prerequisites)}"));
        WriteList(output, "Objectives", module.Objectives);
        WriteList(output, "Concepts", module.Concepts);
        WriteList(output, "Resources", module.Resources.Select(Describe));
        WriteList(output, "Assessments", module.Assessments.Select(Describe));
        if (module.Capstone is { } capstone)
        {
            WriteList(output, $"Capstone {capstone.Number}: {capstone.Title}", capstone.Brief);
        }
    }

    internal static string AssessmentSummary(Module module)
    {
        var parts = new List<string>();
        foreach (var a in module.Assessments.Where(a => a.Questions is not null))
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"{(a.Kind == AssessmentKind.Exam ? "exam" : "quiz")} {a.Questions}q"));
        }

        foreach (var group in module.Assessments.Where(a => a.Questions is null).GroupBy(a => a.Kind))
        {
            var name = group.Key switch
            {
                AssessmentKind.KnowledgeCheck => "check",
                AssessmentKind.CodeReview => "code review",
                _ => group.Key.ToString().ToLowerInvariant(),
            };
            var count = group.Count();
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"{count} {name}{(count == 1 ? "" : name.EndsWith('s') ? "es" : "s")}"));
        }

        return string.Join(", ", parts);
    }

    private static string PathLabel(Course course, Module module)
    {
        var path = course.FindPath(module.Path);
        var track = module.Track is null ? null : course.FindTrack(module.Track);
        return path is null ? module.Path : track is null ? $"{path.Number} {path.Title}" : $"{track.Code} {track.Title}";
    }

    private static string Requirements(Course course, Prerequisites p)
    {
        var parts = p.Modules.Select(id => course.FindModule(id) is { } m ? $"module {m.Number}" : id)
            .Concat(p.Paths.Select(id => $"path {course.FindPath(id)?.Number.ToString(CultureInfo.InvariantCulture) ?? id}"))
            .ToList();
        if (!p.AnyTrack.IsEmpty)
        {
            parts.Add("one track of " + string.Join(", ", p.AnyTrack));
        }

        var text = parts.Count == 0 ? "nothing" : string.Join(", ", parts);
        if (p.Alternative is not null)
        {
            text += $" (or {p.Alternative}, shown by a placement quiz)";
        }

        return p.Knowledge.IsEmpty ? text : $"{text}; background: {string.Join("; ", p.Knowledge)}";
    }

    private static string Describe(Resource resource) =>
        resource switch
        {
            CeleryResource c =>
                $"celery:{c.RepositoryPath}{(c.Section is null ? "" : $" ({c.Section})")}{(c.Note is null ? "" : $" - {c.Note}")}",
            LinkResource l => $"{l.Title} <{l.Url}>",
            TextResource t => t.Text,
            _ => resource.ToString() ?? "",
        };

    private static string Describe(Assessment a)
    {
        var kind = a.Kind switch
        {
            AssessmentKind.KnowledgeCheck => "knowledge check",
            AssessmentKind.CodeReview => "code review",
            _ => a.Kind.ToString().ToLowerInvariant(),
        };
        var details = a.Questions is null
            ? ""
            : string.Create(CultureInfo.InvariantCulture, $", {a.Questions} questions, {a.TimeLimitMinutes} min");
        return $"{kind}: {a.Title} [{a.Id}; graded {a.Grading.ToString().ToLowerInvariant()}{details}]";
    }

    private static void WriteList(TextWriter output, string heading, IEnumerable<string> items)
    {
        var list = items.ToList();
        if (list.Count == 0)
        {
            return;
        }

        output.WriteLine();
        output.WriteLine(heading + ":");
        foreach (var item in list)
        {
            output.WriteLine("  - " + item);
        }
    }

    private static void WriteRow(TextWriter output, string[] cells, int[] widths) =>
        output.WriteLine(string.Join("  ", cells.Select((c, i) => i == cells.Length - 1 ? c : c.PadRight(widths[i]))).TrimEnd());
}
