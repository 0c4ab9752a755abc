namespace CourseBot.Core.Cohorts;

/// <summary>
/// One module's marks for one learner, as the learner's progress shows them: the best counted quiz percentage and the
/// best lab scores summed over the module's auto-graded assessments (null where nothing was recorded).
/// </summary>
public sealed record ModuleScore(int Number, string ModuleId, bool Passed, double? QuizPercent, double? LabScore, double? LabMax)
{
    /// <summary>The hidden tests' versions that graded those lab results (space-separated), or null when none was recorded.</summary>
    public string? LabHiddenVersion { get; init; }
}
