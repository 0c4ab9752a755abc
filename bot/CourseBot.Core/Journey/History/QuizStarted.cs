using System.Text.Json.Serialization;

namespace CourseBot.Core.Journey.History;

/// <summary>
/// A quiz attempt started with <c>/quiz</c> in <see cref="Comment"/>; a later submission is late. <see cref="Shuffle"/> is the
/// key its form's option order follows from (<see cref="Quizzes.OptionOrder"/>); null in histories written before options
/// were shuffled, whose forms showed the authored order.
/// </summary>
public sealed record QuizStarted(DateTimeOffset? Deadline, long? Comment, string? Shuffle = null) : LearnerEventData
{
    [JsonIgnore]
    public override string Kind => LearnerEventKinds.QuizStarted;
}
