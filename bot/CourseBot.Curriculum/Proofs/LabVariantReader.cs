using System.Text.RegularExpressions;
using CourseBot.Core.Curriculum.Loading;
using CourseBot.Core.Curriculum.Model;

namespace CourseBot.Core.Curriculum.Proofs;

/// <summary>
/// Reads a lab folder's proof variants (<c>wrong/NAME/</c>, <c>alt/NAME/</c>) and their optional <c>proof.yml</c>
/// (<c>why:</c> one line; <c>caught_by:</c> check names, wrong variants only). Problems go to the bag with file,
/// line and field; LabVariantRule compares the check names with lab.yml.
/// </summary>
public static partial class LabVariantReader
{
    public const string WhyField = "why";
    public const string CaughtByField = "caught_by";

    public static IReadOnlyList<LabVariant> Read(string labDirectory, DisplayPaths display, DiagnosticBag bag)
    {
        ArgumentNullException.ThrowIfNull(display);
        ArgumentNullException.ThrowIfNull(bag);
        var variants = new List<LabVariant>();
        foreach (
            var (kind, folderName) in new[]
            {
                (LabVariantKind.Wrong, CurriculumLoader.WrongFolder),
                (LabVariantKind.Alt, CurriculumLoader.AltFolder),
            }
        )
        {
            var folder = Path.Combine(labDirectory, folderName);
            if (!Directory.Exists(folder))
            {
                continue;
            }

            foreach (var stray in Directory.EnumerateFiles(folder).Order(StringComparer.Ordinal))
            {
                bag.Add(
                    SourceLocation.OfFile(display.Of(stray)),
                    "",
                    $"{folderName}/ holds one folder per variant ({folderName}/NAME/), not files"
                );
            }

            foreach (var directory in Directory.EnumerateDirectories(folder).Order(StringComparer.Ordinal))
            {
                variants.Add(ReadOne(kind, directory, display, bag));
            }
        }

        return variants;
    }

    private static LabVariant ReadOne(LabVariantKind kind, string directory, DisplayPaths display, DiagnosticBag bag)
    {
        var name = Path.GetFileName(directory);
        var shownFolder = display.Of(directory) + "/";
        if (!KebabName().IsMatch(name))
        {
            bag.Add(
                SourceLocation.OfFile(shownFolder),
                "",
                $"variant '{name}' must be named in kebab-case, saying what it does (hardcoded-sum)"
            );
        }

        if (
            !Directory
                .EnumerateFiles(directory, "*", SearchOption.AllDirectories)
                .Any(f => Path.GetFileName(f) != CurriculumLoader.ProofFile)
        )
        {
            bag.Add(SourceLocation.OfFile(shownFolder), "", $"variant '{name}' holds no files to grade");
        }

        var proof = Path.Combine(directory, CurriculumLoader.ProofFile);
        if (!File.Exists(proof))
        {
            return new LabVariant(kind, name, directory, null, [], SourceLocation.OfFile(shownFolder));
        }

        if (YamlDocumentReader.ReadMapping(proof, display.Of(proof), bag) is not { } map)
        {
            return new LabVariant(kind, name, directory, null, [], SourceLocation.OfFile(display.Of(proof)));
        }

        var why = map.Text(WhyField, required: false);
        if (why is not null && why.Contains('\n', StringComparison.Ordinal))
        {
            map.Error(WhyField, "must be one line");
        }

        var caughtBy = map.Strings(CaughtByField, required: false);
        if (kind == LabVariantKind.Alt && map.Has(CaughtByField))
        {
            map.Error(CaughtByField, "only wrong/ variants are caught: an alt/ variant must score full marks");
        }

        var variant = new LabVariant(kind, name, directory, why, caughtBy, map.LocationOf(CaughtByField));
        map.Finish();
        return variant;
    }

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex KebabName();
}
