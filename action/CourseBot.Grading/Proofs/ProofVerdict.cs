using System.Collections.Immutable;
using System.Globalization;
using CourseBot.Grading.Labs;
using CourseBot.Grading.Reporting;

namespace CourseBot.Grading.Proofs;

/// <summary>
/// The grade of one <see cref="ProofTarget"/> and whether it went the way the target must:
/// <see cref="LostPoints"/> names the lab's checks that scored less than their points (for a wrong
/// variant, the checks that caught it); <see cref="Problem"/> says why it is not proven.
/// </summary>
public sealed record ProofVerdict(ProofTarget Target, GradeResult Result, ImmutableArray<string> LostPoints, string? Problem, int Tries)
{
    public bool Proven => Problem is null;

    public static ProofVerdict Judge(LabDefinition lab, ProofTarget target, GradeResult result, int tries)
    {
        ArgumentNullException.ThrowIfNull(lab);
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(result);
        var lost = lab.Checks.Where(c => LostOn(c.Name, result)).Select(c => c.Name).ToImmutableArray();
        var score = Score(result);
        var problem = target.Expectation switch
        {
            ProofExpectation.NotPassing when result.Passed => $"passes already ({score})",
            ProofExpectation.FullMarks when result.MaxScore <= 0 || result.Score < result.MaxScore =>
                $"scores {score}, not full marks; lost points on: {string.Join(", ", lost)}",
            ProofExpectation.BelowPassMark when result.Passed => $"passes with {score}: no check stops it",
            ProofExpectation.BelowPassMark when target.Variant?.CaughtBy.Except(lost).ToList() is { Count: > 0 } missed =>
                $"proof.yml says caught_by {string.Join(", ", missed.Select(m => $"'{m}'"))}, which lost no points",
            _ => null,
        };
        return new ProofVerdict(target, result, lost, problem, tries);
    }

    /// <summary>One line: <c>wrong/hardcoded-sum  3/10  below the pass mark, caught by: sums  PROVEN</c>.</summary>
    public string Line()
    {
        var what = Target.Expectation switch
        {
            ProofExpectation.NotPassing => "does not pass",
            ProofExpectation.FullMarks => "full marks",
            _ => $"below the pass mark, caught by: {(LostPoints.IsEmpty ? "(nothing)" : string.Join(", ", LostPoints))}",
        };
        var retried = Tries > 1 ? $" (try {Tries})" : "";
        return Proven ? $"{Target.Label}: {Score(Result)} {what}{retried}: PROVEN" : $"{Target.Label}: {Problem}{retried}: NOT PROVEN";
    }

    /// <summary>A check's results: its own name, or <c>NAME: test</c> for each hidden test of a pytest check.</summary>
    private static bool LostOn(string check, GradeResult result)
    {
        var results = result.Tests.Where(t => t.Name == check || t.Name.StartsWith(check + ": ", StringComparison.Ordinal)).ToList();
        return results.Count > 0 && results.Sum(t => t.Score) < results.Sum(t => t.MaxScore);
    }

    private static string Score(GradeResult result) =>
        string.Create(CultureInfo.InvariantCulture, $"{result.Score:0.##}/{result.MaxScore:0.##}");
}
