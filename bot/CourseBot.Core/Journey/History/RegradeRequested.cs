using System.Text.Json.Serialization;

namespace CourseBot.Core.Journey.History;

/// <summary>
/// An instructor's regrade of a lab (subject: module/lab) dispatched the grading workflow for this learner, graded by the
/// hidden tests of <see cref="HiddenVersion"/>. Once a result arrives after it, results before it no longer count (the new
/// run replaces them); recorded once per lab and hidden-test version, so a regrade run again skips this learner.
/// </summary>
public sealed record RegradeRequested(string? HiddenVersion, string? Batch) : LearnerEventData
{
    [JsonIgnore]
    public override string Kind => LearnerEventKinds.RegradeRequested;
}
