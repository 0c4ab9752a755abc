using System.Collections.Immutable;
using CourseBot.Core.Curriculum.Model;

namespace CourseBot.Grading.Labs;

/// <summary>
/// One lab's grading definition (<c>curriculum/modules/NN-module/labs/&lt;lab&gt;/lab.yml</c>), with
/// its hidden folder. It lives in the curriculum, never in the learner's repository.
/// </summary>
public sealed record LabDefinition(
    string Module,
    string Id,
    string Title,
    string WorkDirectory,
    int PassPercent,
    SetupStep? Setup,
    ImmutableArray<WorkerSpec> Workers,
    ImmutableArray<CheckDefinition> Checks,
    string HiddenDirectory,
    SourceLocation Location)
{
    /// <summary>The Debian packages the grading job installs for this lab (<c>packages:</c>; checked by curriculum validate).</summary>
    public ImmutableArray<string> Packages { get; init; } = [];

    /// <summary>The id used on the command line and in results: <c>module/lab</c>.</summary>
    public string Key => $"{Module}/{Id}";

    public int MaxScore => Checks.Sum(c => c.Points);
}
