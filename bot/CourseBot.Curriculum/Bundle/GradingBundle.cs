using System.Text.Json.Serialization;

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

/// <summary>One lab: <c>module/lab</c>, and its files by path relative to the lab folder (<c>lab.yml</c>, <c>hidden/...</c>).</summary>
public sealed record BundledLab(string Key, IReadOnlyDictionary<string, string> Files);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(GradingBundle))]
public sealed partial class GradingBundleJsonContext : JsonSerializerContext;
