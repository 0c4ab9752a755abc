using System.Text.Json.Serialization;

namespace CourseBot.Core.Journey.History;

/// <summary>A quiz attempt started with <c>/quiz</c> in <see cref="Comment"/>; a later submission is late.</summary>
public sealed record QuizStarted(DateTimeOffset? Deadline, long? Comment) : LearnerEventData
{
    [JsonIgnore]
    public override string Kind => LearnerEventKinds.QuizStarted;
}
