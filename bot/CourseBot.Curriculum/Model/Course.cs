using System.Collections.Immutable;

namespace CourseBot.Core.Curriculum.Model;

/// <summary>The whole course as loaded from <c>course.yml</c> and the module folders.</summary>
public sealed record Course(
    string Id,
    string Title,
    string Version,
    string? CeleryVersion,
    ImmutableArray<LearningPath> Paths,
    PassingRules Passing,
    ImmutableArray<Certification> Certifications,
    ImmutableArray<Pace> Paces,
    ImmutableArray<Competency> Competencies,
    ImmutableArray<Module> Modules,
    string RootDirectory)
{
    /// <summary>
    /// Ids (from folder names) of modules whose <c>module.yml</c> could not be parsed. Their own
    /// error is reported; rules do not report references to them again.
    /// </summary>
    public ImmutableHashSet<string> UnreadableModules { get; init; } = [];

    /// <summary>How capstone reviews are counted (<c>capstone:</c> in course.yml).</summary>
    public CapstoneRules CapstoneRules { get; init; } = new(StaleOnPush: false);

    public IEnumerable<Track> Tracks => Paths.SelectMany(p => p.Tracks);

    /// <summary>
    /// The module with this id, else this number. Progress looks every module up by id for every learner, so the id is
    /// tried on its own first instead of parsing the text as a number once per module compared.
    /// </summary>
    public Module? FindModule(string idOrNumber) =>
        Modules.FirstOrDefault(m => m.Id == idOrNumber)
            ?? (int.TryParse(idOrNumber, System.Globalization.CultureInfo.InvariantCulture, out var n)
                ? Modules.FirstOrDefault(m => m.Number == n) : null);

    public LearningPath? FindPath(string id) => Paths.FirstOrDefault(p => p.Id == id);

    public Track? FindTrack(string id) => Tracks.FirstOrDefault(t => t.Id == id);
}
