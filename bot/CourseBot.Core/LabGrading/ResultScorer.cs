using System.Globalization;

namespace CourseBot.Core.LabGrading;

/// <summary>
/// Scores a reported result against the lab's own checks. Every entry must belong to a check of the
/// lab (by name, or <c>check: hidden test</c> for one test of a pytest check), of that check's kind,
/// and no check may score more than it is worth or be missing: otherwise the result is refused with
/// the reason. Points, maximum and pass are computed here; what the body claims is not used.
/// </summary>
public static class ResultScorer
{
    /// <summary>Hidden tests share a check's points in rounded parts (7 points over 3 tests): a little rounding is not a forgery.</summary>
    private const double Rounding = 0.01;

    public static (ScoredResult? Scored, string? Problem) Score(LabRules lab, ReportedResult result)
    {
        ArgumentNullException.ThrowIfNull(lab);
        ArgumentNullException.ThrowIfNull(result);
        var byCheck = lab.Checks.ToDictionary(c => c.Name, _ => new List<ReportedCheck>(), StringComparer.Ordinal);
        foreach (var test in result.Tests)
        {
            if (CheckOf(lab, test.Name) is not { } check)
            {
                var known = string.Join(", ", lab.Checks.Select(c => c.Name));
                return (null, $"'{test.Name}' is not a check of lab {lab.Key} (its checks: {known})");
            }

            if (!string.Equals(test.Kind, check.Kind, StringComparison.Ordinal))
            {
                return (null, $"'{test.Name}' is reported as a {test.Kind} check, but '{check.Name}' is a {check.Kind} check");
            }

            if (test.Score > test.MaxScore + Rounding)
            {
                return (null, $"'{test.Name}' claims {Show(test.Score)} points of {Show(test.MaxScore)}");
            }

            // A check is one entry under its own name, or distinct "check: test" entries: never both, never twice.
            var earlier = byCheck[check.Name];
            if (earlier.Any(t => t.Name == test.Name || t.Name == check.Name) || (test.Name == check.Name && earlier.Count > 0))
            {
                return (null, $"check '{check.Name}' is reported twice");
            }

            earlier.Add(test);
        }

        var scored = new List<ScoredCheck>(lab.Checks.Count);
        foreach (var check in lab.Checks)
        {
            var tests = byCheck[check.Name];
            if (tests.Count == 0)
            {
                return (null, $"check '{check.Name}' of lab {lab.Key} is missing from the result");
            }

            var points = tests.Sum(t => t.Score);
            if (points > check.Points + Rounding)
            {
                return (null, $"check '{check.Name}' scores {Show(points)}, above its maximum of {check.Points}");
            }

            var score = Math.Round(Math.Min(points, check.Points), 2);
            scored.Add(new ScoredCheck(check.Name, check.Kind, check.Points, score, tests.All(t => t.Status == "passed")));
        }

        var total = Math.Round(scored.Sum(c => c.Score), 2);
        var max = lab.MaxScore;
        var passed = max > 0 ? total * 100 >= lab.PassPercent * max - Rounding : scored.All(c => c.Passed);
        return (new ScoredResult(total, max, passed, scored), null);
    }

    /// <summary>The check an entry reports on: the exact name, else the longest check name it extends with ": ".</summary>
    private static LabCheckRule? CheckOf(LabRules lab, string name) =>
        lab.Checks.FirstOrDefault(c => c.Name == name)
        ?? lab.Checks.Where(c => name.StartsWith(c.Name + ": ", StringComparison.Ordinal)).MaxBy(c => c.Name.Length);

    private static string Show(double points) => points.ToString("0.##", CultureInfo.InvariantCulture);
}
