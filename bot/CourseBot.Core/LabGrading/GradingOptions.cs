namespace CourseBot.Core.LabGrading;

/// <summary>
/// Which labs each learner repository may be graded on. Until enrollment records learners' open
/// modules, this comes from configuration: <c>CourseBot:Grading:Repositories:{owner/repo} = [module/lab, ...]</c>.
/// </summary>
public sealed class GradingOptions
{
    public const string Section = "CourseBot:Grading";

    public IDictionary<string, string[]> Repositories { get; } = new Dictionary<string, string[]>(StringComparer.OrdinalIgnoreCase);
}

/// <summary>The labs open for a learner repository (empty when the repository is not enrolled).</summary>
public interface IOpenLabs
{
    Task<IReadOnlyList<string>> ForAsync(string repository, CancellationToken cancel);
}

public sealed class ConfiguredOpenLabs(GradingOptions options) : IOpenLabs
{
    public Task<IReadOnlyList<string>> ForAsync(string repository, CancellationToken cancel) =>
        Task.FromResult<IReadOnlyList<string>>(options.Repositories.TryGetValue(repository, out var labs) ? labs : []);
}
