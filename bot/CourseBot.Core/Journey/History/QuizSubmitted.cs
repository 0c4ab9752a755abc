using System.Text.Json.Serialization;

namespace CourseBot.Core.Journey.History;

/// <summary>
/// A graded quiz submission: the issue it came in, the started attempt it used, the result, whether it
/// counted (late ones do not), each answer, and the path it places the learner in (placement quizzes).
/// </summary>
public sealed record QuizSubmitted(
    int? Issue, long? Attempt, int? Correct, int? Total, double? Percent, bool Passed, bool Counted, bool Late,
    IReadOnlyList<QuizAnswer>? Answers, string? Placement) : LearnerEventData
{
    [JsonIgnore]
    public override string Kind => LearnerEventKinds.QuizSubmitted;
}
