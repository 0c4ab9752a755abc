using System.Collections.Immutable;
using CourseBot.Core.Curriculum.Loading;
using CourseBot.Core.Curriculum.Model;
using CourseBot.Core.Curriculum.Packages;

namespace CourseBot.Core.Curriculum.Validation;

/// <summary>Loads a curriculum folder and runs every rule over it, collecting all problems in one run.</summary>
public sealed class CurriculumValidator
{
    private readonly ImmutableArray<ICurriculumRule> _rules;

    public CurriculumValidator(CeleryTree celeryTree)
    {
        _rules =
        [
            new IdentityRule(),
            new MembershipRule(),
            new PrerequisiteRule(),
            new AssessmentRule(),
            new QuizContentRule(celeryTree),
            new CeleryReferenceRule(celeryTree),
            new CertificationRule(),
            new PaceRule(),
            new LessonRule(),
            new LabFolderRule(),
            new LabPackagesRule(),
            new LabVariantRule(),
        ];
    }

    /// <summary>Validates the curriculum in <paramref name="rootDirectory"/>, using its own <c>celery-tree.txt</c>.</summary>
    public static CurriculumReport ValidateFolder(string rootDirectory)
    {
        var treePath = Path.Combine(rootDirectory, CeleryTree.FileName);
        var tree = File.Exists(treePath) ? CeleryTree.Load(treePath) : new CeleryTree([]);
        var report = new CurriculumValidator(tree).Validate(rootDirectory);
        if (!File.Exists(treePath) && report.Course is not null)
        {
            var missing = new CurriculumDiagnostic(
                SourceLocation.OfFile(Path.Combine(Path.GetFileName(Path.GetFullPath(rootDirectory)), CeleryTree.FileName)),
                "",
                "celery-tree.txt is missing: Celery paths cannot be checked"
            );
            return report with { Diagnostics = report.Diagnostics.Insert(0, missing) };
        }

        return report;
    }

    public CurriculumReport Validate(string rootDirectory)
    {
        var loaded = CurriculumLoader.Load(rootDirectory);
        var bag = new DiagnosticBag();
        bag.AddRange(loaded.Diagnostics);
        if (loaded.Course is { } course)
        {
            foreach (var rule in _rules)
            {
                rule.Check(course, bag);
            }
        }

        // Each lab's packages, for the report (problems reading them are the rule's to report).
        var labs = loaded.Course is { } read ? LabPackagesReader.ReadAll(read, new DiagnosticBag()).ToImmutableArray() : [];
        var ordered = bag.Items
            .OrderBy(d => d.Location.File, StringComparer.Ordinal)
            .ThenBy(d => d.Location.Line)
            .ThenBy(d => d.Location.Column)
            .ToImmutableArray();
        return new CurriculumReport(loaded.Course, ordered) { LabPackages = labs };
    }
}
