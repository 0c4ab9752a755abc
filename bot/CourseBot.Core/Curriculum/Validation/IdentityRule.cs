using System.Globalization;
using System.Text.RegularExpressions;
using CourseBot.Core.Curriculum.Model;

namespace CourseBot.Core.Curriculum.Validation;

/// <summary>Ids are slugs and unique; module numbers are unique; a module's folder is named <c>NN-id</c>.</summary>
internal sealed partial class IdentityRule : ICurriculumRule
{
    public void Check(Course course, DiagnosticBag bag)
    {
        Unique(bag, course.Paths, p => p.Id, p => p.Location, "paths[].id", "path id");
        Unique(bag, course.Paths, p => p.Number.ToString(CultureInfo.InvariantCulture), p => p.Location, "paths[].number", "path number");
        Unique(bag, course.Tracks, t => t.Id, t => t.Location, "tracks[].id", "track id");
        Unique(bag, course.Modules, m => m.Id, m => m.Location, "id", "module id");
        Unique(bag, course.Modules, m => m.Number.ToString(CultureInfo.InvariantCulture), m => m.Location, "number", "module number");
        Unique(bag, course.Certifications, c => c.Id, c => c.Location, "certifications[].id", "certification id");
        Unique(
            bag,
            course.Certifications,
            c => c.Level.ToString(CultureInfo.InvariantCulture),
            c => c.Location,
            "certifications[].level",
            "certification level"
        );
        Unique(bag, course.Paces, p => p.Id, p => p.Location, "paces[].id", "pace id");

        foreach (var id in course.Paths.Select(p => (p.Id, p.Location))
                     .Concat(course.Tracks.Select(t => (t.Id, t.Location)))
                     .Concat(course.Certifications.Select(c => (c.Id, c.Location)))
                     .Concat(course.Paces.Select(p => (p.Id, p.Location))))
        {
            RequireSlug(bag, id.Id, id.Location, "id");
        }

        foreach (var module in course.Modules)
        {
            RequireSlug(bag, module.Id, module.Location, "id");
            var expected = string.Create(CultureInfo.InvariantCulture, $"{module.Number:D2}-{module.Id}");
            var actual = Path.GetFileName(module.Directory);
            if (module.Id.Length > 0 && module.Number > 0 && actual != expected)
            {
                bag.Add(module.Location, "id", $"module folder is named '{actual}' (expected '{expected}')");
            }

            Unique(bag, module.Assessments, a => a.Id, a => a.Location, "assessments[].id", "assessment id");
            foreach (var assessment in module.Assessments)
            {
                RequireSlug(bag, assessment.Id, assessment.Location, "assessments[].id");
            }
        }
    }

    private static void RequireSlug(DiagnosticBag bag, string id, SourceLocation location, string field)
    {
        if (id.Length > 0 && !Slug().IsMatch(id))
        {
            bag.Add(location, field, $"'{id}' is not a slug (expected lower-case letters and digits joined by single hyphens)");
        }
    }

    private static void Unique<T>(
        DiagnosticBag bag,
        IEnumerable<T> items,
        Func<T, string> key,
        Func<T, SourceLocation> location,
        string field,
        string what
    )
    {
        foreach (var group in items.Where(i => key(i) is not ("" or "0")).GroupBy(key, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            var first = location(group.First());
            foreach (var duplicate in group.Skip(1))
            {
                bag.Add(location(duplicate), field, $"duplicate {what} '{group.Key}' (first defined at {first})");
            }
        }
    }

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex Slug();
}
