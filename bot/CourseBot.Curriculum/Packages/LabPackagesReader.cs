using System.Collections.Immutable;
using System.Text.RegularExpressions;
using CourseBot.Core.Curriculum.Loading;
using CourseBot.Core.Curriculum.Model;

namespace CourseBot.Core.Curriculum.Packages;

/// <summary>
/// Reads <c>packages:</c> of every lab folder (<c>modules/NN-id/labs/LAB/lab.yml</c>). The rest of
/// lab.yml is the grader's to read (action/CourseBot.Grading/Labs/LabReader.cs reads this field too).
/// </summary>
public static partial class LabPackagesReader
{
    public const string Field = "packages";

    public static IReadOnlyList<LabPackages> ReadAll(Course course, DiagnosticBag bag)
    {
        ArgumentNullException.ThrowIfNull(course);
        var display = new DisplayPaths(course.RootDirectory);
        var labs = new List<LabPackages>();
        foreach (var module in course.Modules)
        {
            var folder = Path.Combine(module.Directory, CurriculumLoader.LabsFolder);
            if (!Directory.Exists(folder))
            {
                continue;
            }

            // A folder that is no lab or exercise of the module is LabFolderRule's to report.
            var graded = module.Assessments.Where(a => a.Kind is AssessmentKind.Lab or AssessmentKind.Exercise)
                .Select(a => a.Id).ToHashSet(StringComparer.Ordinal);
            var labDirs = Directory.EnumerateDirectories(folder)
                .Where(d => graded.Contains(Path.GetFileName(d))).Order(StringComparer.Ordinal);
            foreach (var labDir in labDirs)
            {
                var file = Path.Combine(labDir, CurriculumLoader.LabFile);
                if (File.Exists(file) && Read(file, display.Of(file), bag) is { } read)
                {
                    labs.Add(new LabPackages(module.Id, Path.GetFileName(labDir), labDir, read.Packages, read.Location));
                }
            }
        }

        return labs;
    }

    /// <summary>The packages of one lab.yml; problems (missing field, a name Debian would refuse) go to <paramref name="bag"/>.</summary>
    public static (ImmutableArray<string> Packages, SourceLocation Location)? Read(string file, string shown, DiagnosticBag bag)
    {
        ArgumentNullException.ThrowIfNull(bag);
        if (YamlDocumentReader.ReadMapping(file, shown, bag) is not { } map)
        {
            return null;
        }

        var packages = map.Strings(Field);
        foreach (var name in packages.Where(p => !DebianName().IsMatch(p)))
        {
            map.Error(Field, $"'{name}' is not a Debian package name");
        }

        return (packages, map.LocationOf(Field));
    }

    /// <summary>Debian policy 5.6.1: lower case letters, digits, + - and ., at least two, starting alphanumeric.</summary>
    [GeneratedRegex("^[a-z0-9][a-z0-9+.-]+$")]
    private static partial Regex DebianName();
}
