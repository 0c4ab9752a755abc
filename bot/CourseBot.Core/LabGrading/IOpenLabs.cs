namespace CourseBot.Core.LabGrading;

/// <summary>The labs open for a learner repository (empty when the repository is not enrolled).</summary>
public interface IOpenLabs
{
    Task<IReadOnlyList<string>> ForAsync(string repository, CancellationToken cancel);
}
