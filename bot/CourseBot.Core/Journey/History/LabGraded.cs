using System.Text.Json.Serialization;
using System.Text.Json.Nodes;

namespace CourseBot.Core.Journey.History;

/// <summary>
/// A lab's grading run as the bot scored it: the run, the bot's own score, what the run claimed, and the
/// result as sent (<see cref="Result"/>, untyped: it is the learner's run's text, kept for audit). The
/// learner-facing views read the scores and each test's name, status, points and message; a test's
/// <c>detail</c> (a full traceback) stays in the record for instructors and is never rendered.
/// </summary>
public sealed record LabGraded(
    string? RunId, string? RunAttempt, string? Sha, string? Ref, string? Workflow, string? RepositoryId, string? RunnerEnvironment,
    double? Score, double? MaxScore, bool Passed, bool? Isolated, IReadOnlyList<LabCheck>? Checks, ClaimedScore? Claimed,
    JsonObject? Result) : LearnerEventData
{
    [JsonIgnore]
    public override string Kind => LearnerEventKinds.LabGraded;

    /// <summary>The hidden tests the bot held when it recorded this result (<see cref="LabGrading.HiddenTestsVersion"/>).</summary>
    public string? HiddenVersion { get; init; }
}
