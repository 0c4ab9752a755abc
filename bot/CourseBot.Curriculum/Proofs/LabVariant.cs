using System.Collections.Immutable;
using CourseBot.Core.Curriculum.Model;

namespace CourseBot.Core.Curriculum.Proofs;

/// <summary>
/// One proof variant of a lab (<c>wrong/NAME/</c> or <c>alt/NAME/</c>), with what its <c>proof.yml</c> says:
/// <see cref="Why"/> it exists and, for a wrong one, the checks that must lose points on it (<see cref="CaughtBy"/>).
/// </summary>
public sealed record LabVariant(
    LabVariantKind Kind,
    string Name,
    string Directory,
    string? Why,
    ImmutableArray<string> CaughtBy,
    SourceLocation Location
)
{
    /// <summary>How the proof names it: <c>wrong/hardcoded-sum</c>.</summary>
    public string Label => $"{(Kind == LabVariantKind.Wrong ? "wrong" : "alt")}/{Name}";
}
