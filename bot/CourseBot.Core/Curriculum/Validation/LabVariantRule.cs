using CourseBot.Core.Curriculum.Loading;
using CourseBot.Core.Curriculum.Model;
using CourseBot.Core.Curriculum.Proofs;

namespace CourseBot.Core.Curriculum.Validation;

/// <summary>
/// A lab's proof variants (<c>wrong/NAME/</c>, <c>alt/NAME/</c>) are well formed, and every check a wrong variant's
/// <c>proof.yml</c> says catches it (<c>caught_by</c>) is a check of the lab's <c>lab.yml</c>.
/// </summary>
internal sealed class LabVariantRule : ICurriculumRule
{
    public void Check(Course course, DiagnosticBag bag)
    {
        var display = new DisplayPaths(course.RootDirectory);
        foreach (var module in course.Modules)
        {
            var labs = Path.Combine(module.Directory, CurriculumLoader.LabsFolder);
            if (!Directory.Exists(labs))
            {
                continue;
            }

            foreach (var lab in Directory.EnumerateDirectories(labs).Order(StringComparer.Ordinal))
            {
                var variants = LabVariantReader.Read(lab, display, bag);
                if (variants.All(v => v.CaughtBy.IsEmpty))
                {
                    continue;
                }

                var checks = CheckNames(Path.Combine(lab, CurriculumLoader.LabFile));
                foreach (var variant in variants)
                {
                    foreach (var unknown in variant.CaughtBy.Where(c => checks is not null && !checks.Contains(c)))
                    {
                        bag.Add(
                            variant.Location,
                            LabVariantReader.CaughtByField,
                            $"{variant.Label}: '{unknown}' is no check of {Path.GetFileName(lab)}/{CurriculumLoader.LabFile} (known: "
                            + $"{string.Join(", ", checks!)})"
                        );
                    }
                }
            }
        }
    }

    /// <summary>The lab's check names, or null when lab.yml cannot be read (the grader's validation reports why).</summary>
    private static HashSet<string>? CheckNames(string labFile)
    {
        var quiet = new DiagnosticBag();
        if (!File.Exists(labFile) || YamlDocumentReader.ReadMapping(labFile, labFile, quiet) is not { } map)
        {
            return null;
        }

        return map.Maps("checks", required: false)
            .Select(c => c.Text("name", required: false))
            .OfType<string>()
            .ToHashSet(StringComparer.Ordinal);
    }
}
