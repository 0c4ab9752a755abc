using CourseBot.Core.Curriculum.Loading;

namespace CourseBot.Core.LabGrading;

/// <summary>Reads labs' check files and hidden tests out of the curriculum folder into a <see cref="GradingBundle"/>.</summary>
public sealed class GradingBundleBuilder(string curriculumRoot, LabRulesReader rules)
{
    private const string LabFile = CurriculumLoader.LabFile;
    private const string HiddenFolder = CurriculumLoader.HiddenFolder;
    private const long MaxFileBytes = 1 << 20;

    /// <summary>The bundle of <paramref name="labKeys"/>; a key that names no lab is left out (and reported by the caller's
    /// validation).</summary>
    public GradingBundle Build(string repository, string sha, IEnumerable<string> labKeys)
    {
        var labs = new List<BundledLab>();
        var packages = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var key in labKeys)
        {
            if (LabLocator.Locate(curriculumRoot, key) is { } folder)
            {
                labs.Add(new BundledLab(key, Files(folder)));
                packages.UnionWith(rules.Find(key)?.Packages ?? []);
            }
        }

        return new GradingBundle(GradingBundle.CurrentVersion, repository, sha, labs) { Packages = [.. packages] };
    }

    /// <summary>lab.yml and everything under hidden/: nothing else of the lab folder (solution/ stays home).</summary>
    internal static Dictionary<string, string> Files(string labDir)
    {
        var files = new Dictionary<string, string>(StringComparer.Ordinal) { [LabFile] = File.ReadAllText(Path.Combine(labDir, LabFile)) };
        var hidden = Path.Combine(labDir, HiddenFolder);
        if (Directory.Exists(hidden))
        {
            foreach (var file in Directory.EnumerateFiles(hidden, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            {
                if (new FileInfo(file) is { Length: <= MaxFileBytes, LinkTarget: null })
                {
                    files[Path.GetRelativePath(labDir, file).Replace('\\', '/')] = File.ReadAllText(file);
                }
            }
        }

        return files;
    }
}
