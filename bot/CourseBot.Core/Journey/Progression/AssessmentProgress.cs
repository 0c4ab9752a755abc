using CourseBot.Core.Curriculum.Model;

namespace CourseBot.Core.Journey.Progression;

/// <summary>
/// One assessment of one module for one learner. <see cref="Percent"/> is the best counted quiz
/// attempt; <see cref="Score"/>/<see cref="MaxScore"/> the best lab result; <see cref="Attempts"/>
/// counts counted quiz attempts or graded runs.
/// </summary>
public sealed record AssessmentProgress(
    Assessment Assessment,
    bool Required,
    bool Done,
    double? Percent,
    double? Score,
    double? MaxScore,
    int Attempts,
    DateTimeOffset? DoneAt)
{
    public string Id => Assessment.Id;

    /// <summary>The hidden tests' version that graded the lab run <see cref="Score"/> comes from (null before it was recorded).</summary>
    public string? HiddenVersion { get; init; }
}
