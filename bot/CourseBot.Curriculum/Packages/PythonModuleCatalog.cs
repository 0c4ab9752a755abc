using System.Collections.Frozen;

namespace CourseBot.Core.Curriculum.Packages;

/// <summary>
/// What a lab may import without declaring it, and what each Debian package provides: the two lists
/// in <c>curriculum/packages/</c>, generated on Debian 12 by <c>generate.sh</c> beside them and
/// committed, so checking a lab needs neither Python nor Debian.
/// </summary>
public sealed class PythonModuleCatalog
{
    public const string Folder = "packages";
    public const string StdlibFile = "python-stdlib-modules.txt";
    public const string PackagesFile = "debian-python-modules.txt";

    /// <summary>Modules the grader itself puts beside hidden tests (action/CourseBot.Grading/Python/).</summary>
    public static readonly FrozenSet<string> GraderModules = FrozenSet.ToFrozenSet(["coursebot_lab", "conftest"], StringComparer.Ordinal);

    private readonly FrozenSet<string> _stdlib;
    private readonly FrozenDictionary<string, FrozenSet<string>> _packages;

    public PythonModuleCatalog(IEnumerable<string> stdlib, IReadOnlyDictionary<string, IReadOnlyCollection<string>> packages)
    {
        ArgumentNullException.ThrowIfNull(packages);
        _stdlib = stdlib.ToFrozenSet(StringComparer.Ordinal);
        _packages = packages.ToFrozenDictionary(p => p.Key, p => p.Value.ToFrozenSet(StringComparer.Ordinal), StringComparer.Ordinal);
    }

    /// <summary>The catalog of a curriculum folder; null when its lists are missing.</summary>
    public static PythonModuleCatalog? Load(string curriculumRoot)
    {
        var stdlibFile = Path.Combine(curriculumRoot, Folder, StdlibFile);
        var packagesFile = Path.Combine(curriculumRoot, Folder, PackagesFile);
        if (!File.Exists(stdlibFile) || !File.Exists(packagesFile))
        {
            return null;
        }

        var packages = new Dictionary<string, IReadOnlyCollection<string>>(StringComparer.Ordinal);
        foreach (var line in Lines(packagesFile))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon > 0)
            {
                packages[line[..colon].Trim()] = line[(colon + 1)..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            }
        }

        return new PythonModuleCatalog(Lines(stdlibFile), packages);
    }

    public bool IsStdlib(string module) => _stdlib.Contains(module);

    public bool Knows(string package) => _packages.ContainsKey(package);

    /// <summary>The declared package that provides <paramref name="module"/>, if any does.</summary>
    public bool IsProvided(string module, IEnumerable<string> packages) =>
        packages.Any(p => _packages.TryGetValue(p, out var modules) && modules.Contains(module));

    /// <summary>Packages (of all known) that would provide a module: the fix to suggest.</summary>
    public IEnumerable<string> Providers(string module) =>
        _packages.Where(p => p.Value.Contains(module)).Select(p => p.Key).Order(StringComparer.Ordinal);

    private static IEnumerable<string> Lines(string file) =>
        File.ReadLines(file).Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#'));
}
