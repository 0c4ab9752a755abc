using System.Text.Json;

namespace CourseBot.Tests.Grading;

/// <summary>
/// The Native AOT grader runs on learners' runners: it carries the curriculum model and the bundle, not the bot's
/// storage SDKs or GitHub client. Read from the grader's restore graph, which lists every package and project it
/// depends on, directly or not (the test project references the grader without its assembly, so it is restored first).
/// </summary>
public sealed class GraderDependencyTests
{
    private static readonly string[] Excluded =
        ["Azure.", "Microsoft.Azure.", "Microsoft.Identity.", "Microsoft.Data.Sqlite", "SQLitePCLRaw.", "Octokit", "CourseBot.Core/"];

    [Fact]
    public void Grader_DependencyClosure_HasNoAzureSqliteOrOctokit()
    {
        var assets = Path.Combine(RepositoryPaths.Root, "action", "CourseBot.Grader", "obj", "project.assets.json");
        using var graph = JsonDocument.Parse(File.ReadAllText(assets));
        var libraries = graph.RootElement.GetProperty("libraries").EnumerateObject().Select(l => l.Name).ToList();

        Assert.Contains(libraries, l => l.StartsWith("CourseBot.Curriculum/", StringComparison.Ordinal));
        Assert.Contains(libraries, l => l.StartsWith("YamlDotNet/", StringComparison.Ordinal));
        var forbidden = libraries.Where(l => Excluded.Any(e => l.StartsWith(e, StringComparison.OrdinalIgnoreCase))).ToList();
        Assert.True(forbidden.Count == 0, "the grader depends on " + string.Join(", ", forbidden));
    }
}
