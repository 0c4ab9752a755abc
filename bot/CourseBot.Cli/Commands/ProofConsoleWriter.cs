using CourseBot.Grading.Labs;
using CourseBot.Grading.Proofs;
using CourseBot.Grading.Reporting;

namespace CourseBot.Cli.Commands;

/// <summary>
/// What <c>coursebot lab prove</c> prints: a heading per lab with its place in the run, one line per target as it is
/// graded, the grade table and hidden tests' output of a target that is not proven (the course author may read
/// their own tests' tracebacks; printed inert, since learner-shaped code wrote some of it), and a summary line.
/// </summary>
internal sealed class ProofConsoleWriter(TextWriter output)
{
    private readonly List<string> _notProven = [];
    private int _labs;
    private int _targets;
    private int _proven;

    public void Heading(int index, int count, LabDefinition lab) => output.WriteLine($"[{index}/{count}] {lab.Key}");

    private void Problem(string key, string problem)
    {
        _notProven.Add(key);
        output.WriteLine(WorkflowCommands.Neutralize($"  {problem}: NOT PROVEN"));
    }

    public void Verdict(LabDefinition lab, ProofVerdict verdict)
    {
        ArgumentNullException.ThrowIfNull(lab);
        ArgumentNullException.ThrowIfNull(verdict);
        _targets++;
        var why = verdict.Target.Why.Length > 0 ? $" ({verdict.Target.Why})" : "";
        output.WriteLine(WorkflowCommands.Neutralize($"  {verdict.Line()}{why}"));
        if (verdict.Proven)
        {
            _proven++;
            return;
        }

        _notProven.Add($"{lab.Key} {verdict.Target.Label}");
        ConsoleReport.WriteTable(verdict.Result, output);
        if (verdict.Target.Expectation == ProofExpectation.FullMarks)
        {
            WorkflowCommands.WriteInert(output, inert =>
            {
                foreach (var test in verdict.Result.Tests.Where(t => t.Score < t.MaxScore && (t.Detail ?? t.Output) is not null))
                {
                    inert.Write(WorkflowCommands.QuoteLines($"{test.Name} output:\n{test.Detail ?? test.Output}", "    "));
                }
            });
        }
    }

    public void LabDone(LabProofOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        _labs++;
        foreach (var problem in outcome.Problems)
        {
            Problem(outcome.Lab, problem);
        }
    }

    /// <summary>The last line; true when everything was proven.</summary>
    public bool Summary()
    {
        var proven = _notProven.Count == 0;
        output.WriteLine(proven
            ? $"PROVEN: {_labs} lab(s), {_proven}/{_targets} starters, solutions and variants as they must be"
            : $"NOT PROVEN: {_notProven.Count} of {_targets} targets in {_labs} lab(s): {string.Join("; ", _notProven)}");
        return proven;
    }
}
