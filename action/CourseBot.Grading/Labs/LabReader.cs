using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Text.RegularExpressions;
using CourseBot.Core.Curriculum;
using CourseBot.Core.Curriculum.Loading;
using CourseBot.Core.Curriculum.Model;
using CourseBot.Core.Curriculum.Packages;

namespace CourseBot.Grading.Labs;

/// <summary>
/// Finds and reads lab definitions in a curriculum folder. A lab lives in
/// <c>modules/NN-module/labs/&lt;lab&gt;/lab.yml</c>; its hidden tests sit beside it in <c>hidden/</c>.
/// Every problem is reported with file, line, column and field.
/// </summary>
public static class LabReader
{
    public const string LabsFolder = CurriculumLoader.LabsFolder;
    public const string LabFile = CurriculumLoader.LabFile;
    public const string HiddenFolder = CurriculumLoader.HiddenFolder;

    private static readonly FrozenDictionary<string, OutputComparison> Comparisons = new Dictionary<string, OutputComparison>
    {
        ["exact"] = OutputComparison.Exact,
        ["contains"] = OutputComparison.Contains,
        ["regex"] = OutputComparison.Regex,
        ["exit-code"] = OutputComparison.ExitCode,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>Every lab folder of the curriculum as (module id, lab id, lab.yml path).</summary>
    public static IEnumerable<(string Module, string Lab, string File)> Discover(string curriculumRoot)
    {
        var modules = Path.Combine(curriculumRoot, CurriculumLoader.ModulesFolder);
        if (!Directory.Exists(modules))
        {
            yield break;
        }

        foreach (var moduleDir in Directory.EnumerateDirectories(modules).Order(StringComparer.Ordinal))
        {
            var labs = Path.Combine(moduleDir, LabsFolder);
            if (!Directory.Exists(labs))
            {
                continue;
            }

            var moduleId = CurriculumLoader.ModuleIdOf(moduleDir);
            foreach (var labDir in Directory.EnumerateDirectories(labs).Order(StringComparer.Ordinal))
            {
                yield return (moduleId, Path.GetFileName(labDir), Path.Combine(labDir, LabFile));
            }
        }
    }

    /// <summary>Finds a lab by <c>module/lab</c> or by a lab id that is unique in the course.</summary>
    public static LabLoadResult Find(string curriculumRoot, string key)
    {
        var all = Discover(curriculumRoot).ToList();
        var matches = all.Where(l => $"{l.Module}/{l.Lab}" == key || l.Lab == key).ToList();
        var root = Path.GetFullPath(curriculumRoot);
        return matches.Count switch
        {
            1 => Read(root, matches[0].Module, matches[0].File),
            0 => LabLoadResult.Failed($"no lab '{key}' in {root} (known: {string.Join(", ", all.Select(l => $"{l.Module}/{l.Lab}"))})"),
            _ => LabLoadResult.Failed(
                $"lab id '{key}' is used by several modules; write it as module/lab "
                + $"({string.Join(", ", matches.Select(l => $"{l.Module}/{l.Lab}"))})"
            ),
        };
    }

    public static LabLoadResult Read(string curriculumRoot, string moduleId, string file)
    {
        var bag = new DiagnosticBag();
        var display = new DisplayPaths(Path.GetFullPath(curriculumRoot));
        var shown = display.Of(Path.GetFullPath(file));
        if (!File.Exists(file))
        {
            bag.Add(SourceLocation.OfFile(shown), "", "lab.yml not found");
            return new LabLoadResult(null, bag.Items.ToImmutableArray());
        }

        var map = YamlDocumentReader.ReadMapping(file, shown, bag);
        if (map is null)
        {
            return new LabLoadResult(null, bag.Items.ToImmutableArray());
        }

        var labDir = Path.GetDirectoryName(Path.GetFullPath(file))!;
        var id = Path.GetFileName(labDir);
        var hidden = Path.Combine(labDir, HiddenFolder);
        var lab = new LabDefinition(
            Module: moduleId,
            Id: id,
            Title: map.Text("title") ?? "",
            WorkDirectory: map.Text("workdir", required: false) ?? $"labs/{moduleId}/{id}",
            PassPercent: map.Number("pass_percent", required: false, min: 1, max: 100) ?? 100,
            Setup: map.Map("setup", required: false) is { } setup ? ReadSetup(setup) : null,
            Workers: ReadWorkers(map),
            Checks: map.Maps("checks").Select(c => ReadCheck(c, hidden)).OfType<CheckDefinition>().ToImmutableArray(),
            HiddenDirectory: hidden,
            Location: map.Location)
        {
            Packages = map.Strings(LabPackagesReader.Field, required: false),
        };
        map.Finish();

        if (lab.Checks.OfType<PytestCheck>().Any(c => !c.WhiteBox) && lab.Workers.IsEmpty)
        {
            bag.Add(lab.Location, "worker", "celery checks talk to the learner's worker: describe it under 'worker' (or 'workers')");
        }

        foreach (var duplicate in lab.Workers.GroupBy(w => w.Name).Where(g => g.Count() > 1))
        {
            bag.Add(lab.Location, "workers", $"two workers are named '{duplicate.Key}'");
        }

        if (lab.WorkDirectory.Contains("..", StringComparison.Ordinal) || Path.IsPathRooted(lab.WorkDirectory))
        {
            bag.Add(lab.Location, "workdir", $"'{lab.WorkDirectory}' must be a relative path inside the learner's repository");
        }

        return new LabLoadResult(bag.Items.Count == 0 ? lab : null, bag.Items.ToImmutableArray());
    }

    private static SetupStep ReadSetup(MapReader map)
    {
        var step = new SetupStep(map.Text("run") ?? "", Seconds(map, "timeout_seconds", 300));
        map.Finish();
        return step;
    }

    private static ImmutableArray<WorkerSpec> ReadWorkers(MapReader map)
    {
        if (map.Has("worker") && map.Has("workers"))
        {
            map.Error("workers", "write either 'worker' (one) or 'workers' (a list), not both");
        }

        return map.Map("worker", required: false) is { } one
            ? [ReadWorker(one)]
            : [.. map.Maps("workers", required: false).Select(ReadWorker)];
    }

    private static WorkerSpec ReadWorker(MapReader map)
    {
        var queues = map.Strings("queues", required: false);
        var worker = new WorkerSpec(
            map.Text("name", required: false) ?? "learner",
            map.Text("app") ?? "",
            queues.IsEmpty ? ["celery"] : queues,
            map.Number("concurrency", required: false, min: 1, max: 16) ?? 2,
            map.Text("pool", required: false) ?? "prefork",
            map.Flag("beat", required: false) ?? false,
            map.Text("args", required: false),
            Seconds(map, "start_timeout_seconds", 30));
        map.Finish();
        return worker;
    }

    private static CheckDefinition? ReadCheck(MapReader map, string hidden)
    {
        var name = map.Text("name") ?? "";
        var kind = map.Text("kind") ?? "";
        var points = map.Number("points", min: 0, max: 1000) ?? 0;
        var hint = map.Text("hint", required: false);
        CheckDefinition? check = kind switch
        {
            "command" => new CommandCheck(name, points, hint, map.Location,
                map.Text("setup", required: false),
                map.Text("run") ?? "",
                map.Text("input", required: false),
                map.Text("output", required: false),
                map.Parsed<OutputComparison>(
                    "comparison",
                    Comparisons.TryGetValue,
                    "one of exact, contains, regex, exit-code",
                    required: false
                ) ?? OutputComparison.Contains,
                Seconds(map, "timeout_seconds", 10)
            ),
            "file" => new FileCheck(
                name,
                points,
                hint,
                map.Location,
                map.Text("path") ?? "",
                map.Text("matches", required: false),
                map.Text("must_not_match", required: false)),
            "celery" or "white-box" => new PytestCheck(name, points, hint, map.Location,
                map.Text("tests") ?? "",
                kind == "white-box",
                Seconds(map, "timeout_seconds", 120)),
            _ => null,
        };
        if (check is null)
        {
            map.Error("kind", $"'{kind}' is not one of command, file, celery, white-box");
            return null;
        }

        map.Finish();
        Validate(check, map, hidden);
        return check;
    }

    private static void Validate(CheckDefinition check, MapReader map, string hidden)
    {
        switch (check)
        {
            case CommandCheck { Comparison: not OutputComparison.ExitCode, ExpectedOutput: null }:
                map.Error("output", "expected output is required unless comparison is exit-code");
                break;
            case CommandCheck { Comparison: OutputComparison.Regex, ExpectedOutput: { } pattern }:
                CheckPattern(map, "output", pattern);
                break;
            case FileCheck file:
                if (file.Matches is not null)
                {
                    CheckPattern(map, "matches", file.Matches);
                }

                if (file.MustNotMatch is not null)
                {
                    CheckPattern(map, "must_not_match", file.MustNotMatch);
                }

                break;
            case PytestCheck pytest when pytest.TestFile.Length > 0 && !File.Exists(Path.Combine(hidden, pytest.TestFile)):
                map.Error("tests", $"'{pytest.TestFile}' is not in the lab's hidden/ folder");
                break;
        }
    }

    private static void CheckPattern(MapReader map, string field, string pattern)
    {
        try
        {
            _ = new Regex(pattern, RegexOptions.None, TimeSpan.FromSeconds(1));
        }
        catch (ArgumentException ex)
        {
            map.Error(field, $"'{pattern}' is not a valid pattern: {ex.Message}");
        }
    }

    private static TimeSpan Seconds(MapReader map, string key, int fallback) =>
        TimeSpan.FromSeconds(map.Number(key, required: false, min: 1, max: 3600) ?? fallback);
}
