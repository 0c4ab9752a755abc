namespace CourseBot.Core.LabGrading;

/// <summary>
/// How grading runs are accepted (<c>CourseBot:Grading</c>). Labs open for a learner follow from
/// their record; <c>Repositories:{owner/repo} = [module/lab, ...]</c> opens more labs by hand for an
/// enrolled repository (a repository the bot did not create is never graded).
/// </summary>
public sealed class GradingOptions
{
    public const string Section = "CourseBot:Grading";

    /// <summary>Labs opened by hand, per enrolled repository. Default: none.</summary>
    public IDictionary<string, string[]> Repositories { get; } = new Dictionary<string, string[]>(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// Accept runs on self-hosted runners. Off by default: a self-hosted runner is a machine its
    /// owner controls, so the grader's isolation from the learner's code proves nothing there. Default: false.
    /// </summary>
    public bool AllowSelfHostedRunners { get; set; }
}
