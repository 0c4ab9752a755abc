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
