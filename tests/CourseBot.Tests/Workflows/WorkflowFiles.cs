namespace CourseBot.Tests.Workflows;

/// <summary>Every workflow and action file of the repository: what the pinning and linting tests cover.</summary>
internal static class WorkflowFiles
{
    public static string GradeWorkflow => Path.Combine(RepositoryPaths.Root, ".github", "workflows", "grade.yml");

    public static string Action => Path.Combine(RepositoryPaths.Root, "action", "action.yml");

    /// <summary>Workflows in .github/workflows and templates/**/.github/workflows.</summary>
    public static IReadOnlyList<string> Workflows() =>
        Directory.GetFiles(Path.Combine(RepositoryPaths.Root, ".github", "workflows"), "*.yml")
            .Concat(Directory.GetFiles(Path.Combine(RepositoryPaths.Root, "templates"), "*.yml", SearchOption.AllDirectories)
                .Where(f => f.Contains("/.github/workflows/", StringComparison.Ordinal)))
            .Order(StringComparer.Ordinal)
            .ToList();

    /// <summary>The workflows plus the grader Action's action.yml.</summary>
    public static IReadOnlyList<string> WorkflowsAndActions() => [.. Workflows(), Action];
}
