using System.Collections.Immutable;

namespace CourseBot.Core.Curriculum.Model;

/// <summary>
/// What must be done before a module or path opens. All listed modules and paths are required;
/// <see cref="AnyTrack"/> needs one of its tracks; <see cref="Alternative"/> is the seed's
/// "OR equivalent knowledge", satisfied by a placement quiz instead of <see cref="Paths"/>.
/// </summary>
public sealed record Prerequisites(
    ImmutableArray<string> Modules,
    ImmutableArray<string> Paths,
    ImmutableArray<string> AnyTrack,
    string? Alternative,
    ImmutableArray<string> Knowledge)
{
    public static Prerequisites None { get; } = new([], [], [], null, []);
}
