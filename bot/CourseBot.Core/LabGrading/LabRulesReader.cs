using System.Collections.Concurrent;
using CourseBot.Core.Curriculum;
using CourseBot.Core.Curriculum.Loading;
using CourseBot.Core.Curriculum.Packages;

namespace CourseBot.Core.LabGrading;

/// <summary>
/// Reads <see cref="LabRules"/> from the curriculum the bot loaded (only the fields scoring and bundles need;
/// the whole file is validated by <c>curriculum validate</c> and at the bot's start), once per lab.
/// </summary>
public sealed class LabRulesReader(string curriculumRoot)
{
    private readonly ConcurrentDictionary<string, LabRules?> _cache = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string?> _versions = new(StringComparer.Ordinal);

    /// <summary>The lab's rules, or null when the key names no lab or its <c>lab.yml</c> cannot be read.</summary>
    public LabRules? Find(string key) => _cache.GetOrAdd(key, Read);

    /// <summary>The lab's hidden-test version (<see cref="HiddenTestsVersion"/>), read once like its rules.</summary>
    public string? HiddenVersion(string key) => _versions.GetOrAdd(key, k => HiddenTestsVersion.Of(curriculumRoot, k));

    private LabRules? Read(string key)
    {
        if (LabLocator.Locate(curriculumRoot, key) is not { } folder)
        {
            return null;
        }

        var bag = new DiagnosticBag();
        var file = Path.Combine(folder, CurriculumLoader.LabFile);
        if (YamlDocumentReader.ReadMapping(file, file, bag) is not { } map)
        {
            return null;
        }

        var checks = map.Maps("checks")
            .Select(c => new LabCheckRule(c.Text("name") ?? "", c.Text("kind") ?? "", c.Number("points", min: 0, max: 1000) ?? -1))
            .ToList();
        // packages: is required by curriculum validate (LabPackagesRule); here a lab without it is still scored.
        var packages = map.Strings(LabPackagesReader.Field, required: false);
        var rules = new LabRules(key, map.Number("pass_percent", required: false, min: 1, max: 100) ?? 100, checks, packages);
        // A lab whose checks cannot be read cannot be scored: no result for it is accepted.
        return bag.Items.Count == 0 && checks.Count > 0 && checks.All(c => c.Name.Length > 0 && c.Points >= 0)
            && checks.DistinctBy(c => c.Name).Count() == checks.Count ? rules : null;
    }
}
