namespace CourseBot.Core.LabGrading;

public sealed class ConfiguredOpenLabs(GradingOptions options) : IOpenLabs
{
    public Task<IReadOnlyList<string>> ForAsync(string repository, CancellationToken cancel) =>
        Task.FromResult<IReadOnlyList<string>>(options.Repositories.TryGetValue(repository, out var labs) ? labs : []);
}
