namespace CourseBot.Core.LabGrading;

/// <summary>
/// What the bot itself knows of a lab's grading, from the lab's own <c>lab.yml</c>: its checks with
/// their points, the pass mark, and the Debian packages the grading job installs for it. Results are
/// scored against this, never against what a run claims.
/// </summary>
public sealed record LabRules(string Key, int PassPercent, IReadOnlyList<LabCheckRule> Checks, IReadOnlyList<string> Packages)
{
    public int MaxScore => Checks.Sum(c => c.Points);
}
