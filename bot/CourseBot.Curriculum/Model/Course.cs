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

/// <summary>A learning path (Fundamentals, Professional, Expert, Specialization).</summary>
public sealed record LearningPath(
    string Id,
    int Number,
    string Title,
    string Level,
    string Audience,
    Prerequisites Prerequisites,
    StudyDuration Duration,
    IntRange Hours,
    ImmutableArray<string> Modules,
    ImmutableArray<Track> Tracks,
    int TracksRequired,
    SourceLocation Location,
    SourceLocation ModulesLocation)
{
    /// <summary>Every module of the path in order: each track's modules, then the path's own.</summary>
    public IEnumerable<string> AllModules => Tracks.SelectMany(t => t.Modules).Concat(Modules);
}

/// <summary>A specialization track inside a path (Path 4's 4A, 4B, 4C).</summary>
public sealed record Track(string Id, string Code, string Title, ImmutableArray<string> Modules, SourceLocation Location, SourceLocation ModulesLocation);

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

public sealed record PassingRules(ModulePassingRules Module, PathPassingRules Path);

public sealed record ModulePassingRules(int QuizMinPercent, string Labs, string Exercises, string KnowledgeCheck);

public sealed record PathPassingRules(bool AllModules, string Capstone, int FinalExamMinPercent, string PeerReview);

/// <summary>A certification level. <see cref="PerPath"/> levels are awarded once per completed path.</summary>
public sealed record Certification(
    string Id,
    int Level,
    string Title,
    bool PerPath,
    ImmutableArray<string> Paths,
    ImmutableArray<string> Tracks,
    int MinTracks,
    string? Description,
    SourceLocation Location);

public sealed record Pace(
    string Id,
    string Title,
    IntRange? HoursPerWeek,
    IntRange? ProgramWeeks,
    int? MaxMonths,
    string Approach,
    ImmutableArray<Milestone> Milestones,
    SourceLocation Location);

/// <summary>By the end of <see cref="Months"/> (1-based, from the start date) the learner has completed <see cref="Modules"/> (module numbers).</summary>
public sealed record Milestone(IntRange Months, IntRange Modules, SourceLocation Location);

public sealed record Competency(int Level, string Title, string Path, string Can, string Understands, string Demonstrates, string Produces, SourceLocation Location);
