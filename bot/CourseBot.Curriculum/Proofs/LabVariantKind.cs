namespace CourseBot.Core.Curriculum.Proofs;

/// <summary>Which way a variant must go: a wrong solution must score below the pass mark, an alternative full marks.</summary>
public enum LabVariantKind
{
    Wrong,
    Alt,
}
