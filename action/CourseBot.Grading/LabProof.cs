using System.Collections.Immutable;
using CourseBot.Core.Curriculum;
using CourseBot.Core.Curriculum.Loading;
using CourseBot.Core.Curriculum.Proofs;
using CourseBot.Grading.Labs;
using CourseBot.Grading.Proofs;

namespace CourseBot.Grading;

/// <summary>
/// Proves a lab both ways. Right work passes: the reference solution (<c>solution/</c> laid over the starter)
/// and every alternative (<c>alt/NAME/</c> laid over the starter alone: it is complete) score full marks. Wrong
/// work does not: the starter (<c>templates/learner/labs/MODULE/LAB</c>) does not pass, and every wrong solution
/// (<c>wrong/NAME/</c> laid over starter and solution) scores below the pass mark, losing points on each check its
/// <c>proof.yml</c> names. Course authors run it with <c>coursebot lab prove</c>; CI runs it for every lab.
/// </summary>
public sealed class LabProof(string repositoryRoot, Grader grader)
{
    public const string StarterLabel = "starter";
    public const string SolutionLabel = "solution";

    public string StarterOf(LabDefinition lab)
    {
        ArgumentNullException.ThrowIfNull(lab);
        return Path.Combine(repositoryRoot, "templates", "learner", "labs", lab.Module, lab.Id);
    }

    public static string SolutionOf(LabDefinition lab) => Path.Combine(FolderOf(lab), CurriculumLoader.SolutionFolder);

    /// <summary>The lab's folder in the curriculum (lab.yml, hidden/, solution/, wrong/, alt/).</summary>
    public static string FolderOf(LabDefinition lab)
    {
        ArgumentNullException.ThrowIfNull(lab);
        return Path.GetDirectoryName(lab.HiddenDirectory)!;
    }

    /// <summary>Starter, solution, then each wrong and alt variant; problems reading the variants go to <paramref name="bag"/>.</summary>
    public IReadOnlyList<ProofTarget> TargetsOf(LabDefinition lab, DiagnosticBag bag)
    {
        var starter = StarterOf(lab);
        var solution = SolutionOf(lab);
        var targets = new List<ProofTarget>
        {
            new(StarterLabel, ProofExpectation.NotPassing, [starter]),
            new(SolutionLabel, ProofExpectation.FullMarks, [starter, solution]),
        };
        var display = new DisplayPaths(Path.Combine(repositoryRoot, "curriculum"));
        foreach (var missing in new[] { starter, solution }.Where(f => !Directory.Exists(f)))
        {
            // A missing starter would "not pass" and prove nothing.
            bag.Add(
                Core.Curriculum.Model.SourceLocation.OfFile(display.Of(missing) + "/"),
                "",
                "not found: the proof needs the starter and the solution"
            );
        }

        foreach (var variant in LabVariantReader.Read(FolderOf(lab), display, bag))
        {
            targets.Add(variant.Kind == LabVariantKind.Wrong
                ? new ProofTarget(variant.Label, ProofExpectation.BelowPassMark, [starter, solution, variant.Directory], variant)
                : new ProofTarget(variant.Label, ProofExpectation.FullMarks, [starter, variant.Directory], variant));
        }

        return targets;
    }

    /// <summary>Proves every target of the lab, telling <paramref name="progress"/> each verdict as it comes.</summary>
    public async Task<LabProofOutcome> RunAsync(LabDefinition lab, Action<ProofVerdict>? progress, CancellationToken cancel)
    {
        var bag = new DiagnosticBag();
        var targets = TargetsOf(lab, bag);
        var verdicts = ImmutableArray.CreateBuilder<ProofVerdict>(targets.Count);
        foreach (var target in targets)
        {
            var verdict = await ProveAsync(lab, target, cancel).ConfigureAwait(false);
            progress?.Invoke(verdict);
            verdicts.Add(verdict);
        }

        return new LabProofOutcome(lab.Key, verdicts.ToImmutable(), [.. bag.Items.Select(d => d.ToString())]);
    }

    /// <summary>
    /// Grades one target. Right work that misses full marks gets one more try: some labs judge timing on a
    /// 2-core runner that grades two labs at once. Work that must fail is never retried (a retry could only
    /// hide that it passes).
    /// </summary>
    public async Task<ProofVerdict> ProveAsync(LabDefinition lab, ProofTarget target, CancellationToken cancel)
    {
        ArgumentNullException.ThrowIfNull(target);
        var verdict = ProofVerdict.Judge(lab, target, await GradeAsync(lab, target, cancel).ConfigureAwait(false), 1);
        if (!verdict.Proven && target.Expectation == ProofExpectation.FullMarks)
        {
            verdict = ProofVerdict.Judge(lab, target, await GradeAsync(lab, target, cancel).ConfigureAwait(false), 2);
        }

        return verdict;
    }

    private async Task<Reporting.GradeResult> GradeAsync(LabDefinition lab, ProofTarget target, CancellationToken cancel)
    {
        var workspace = Stage(lab, target);
        try
        {
            return await grader.GradeAsync(lab, workspace, null, cancel).ConfigureAwait(false);
        }
        finally
        {
            Directory.Delete(workspace, recursive: true);
        }
    }

    /// <summary>A learner repository with the target's layers laid, in order, into the lab's work folder.</summary>
    private static string Stage(LabDefinition lab, ProofTarget target)
    {
        var root = Directory.CreateTempSubdirectory("coursebot-proof-").FullName;
        var work = Path.Combine(root, lab.WorkDirectory);
        Directory.CreateDirectory(work);
        foreach (var layer in target.Layers)
        {
            Overlay(layer, work);
        }

        return root;
    }

    /// <summary>Copies <paramref name="from"/> over <paramref name="to"/>, all but its own proof.yml (the proof's note, no learner
    /// file).</summary>
    private static void Overlay(string from, string to)
    {
        if (!Directory.Exists(from))
        {
            return;
        }

        var proofNote = Path.Combine(from, CurriculumLoader.ProofFile);
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories).Where(f => f != proofNote))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target, overwrite: true);
        }
    }
}
