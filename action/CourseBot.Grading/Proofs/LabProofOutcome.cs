using System.Collections.Immutable;

namespace CourseBot.Grading.Proofs;

/// <summary>A lab's proof: a verdict for the starter, the solution and every variant, and any problem reading the variants.</summary>
public sealed record LabProofOutcome(string Lab, ImmutableArray<ProofVerdict> Verdicts, ImmutableArray<string> Problems)
{
    public bool Proven => Problems.IsEmpty && Verdicts.Length >= 2 && Verdicts.All(v => v.Proven);

    public ProofVerdict Of(string label) => Verdicts.Single(v => v.Target.Label == label);
}
