namespace CourseBot.Core.LabGrading;

/// <summary>
/// What the grader needs for a learner's open labs: each lab's <c>lab.yml</c> and its hidden tests.
/// Reference solutions are never part of it. <see cref="Packages"/> (JSON <c>packages</c>) is the union
/// of the labs' declared Debian packages, sorted: what the grading job installs before it grades.
/// </summary>
public sealed record GradingBundle(int Version, string Repository, string Sha, IReadOnlyList<BundledLab> Labs)
{
    public IReadOnlyList<string> Packages { get; init; } = [];

    public const int CurrentVersion = 1;
}
