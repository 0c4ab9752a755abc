using System.Collections.Immutable;
using CourseBot.Core.Curriculum.Proofs;

namespace CourseBot.Grading.Proofs;

/// <summary>What a proof expects of one staged workspace.</summary>
public enum ProofExpectation
{
    /// <summary>The starter: must not pass.</summary>
    NotPassing,

    /// <summary>The reference solution and every alt/ variant: full marks.</summary>
    FullMarks,

    /// <summary>Every wrong/ variant: below the pass mark, lost points on each check its proof.yml names.</summary>
    BelowPassMark,
}

/// <summary>
/// One workspace a proof grades: <see cref="Layers"/> are laid into the lab's work folder in order (the starter,
/// then the solution and a wrong overlay, say), each without its top-level <c>proof.yml</c>.
/// </summary>
public sealed record ProofTarget(string Label, ProofExpectation Expectation, ImmutableArray<string> Layers, LabVariant? Variant = null)
{
    public string Why => Variant?.Why is { } why ? why : "";
}
