using System.Collections.Immutable;
using CourseBot.Core.Curriculum.Proofs;

namespace CourseBot.Grading.Proofs;

/// <summary>
/// One workspace a proof grades: <see cref="Layers"/> are laid into the lab's work folder in order (the starter,
/// then the solution and a wrong overlay, say), each without its top-level <c>proof.yml</c>.
/// </summary>
public sealed record ProofTarget(string Label, ProofExpectation Expectation, ImmutableArray<string> Layers, LabVariant? Variant = null)
{
    public string Why => Variant?.Why is { } why ? why : "";
}
