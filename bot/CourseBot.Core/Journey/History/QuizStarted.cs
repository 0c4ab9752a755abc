namespace CourseBot.Core.Journey.History;

/// <summary>A quiz attempt started with <c>/quiz</c> in <see cref="Comment"/>; a later submission is late.</summary>
public sealed record QuizStarted(DateTimeOffset? Deadline, long? Comment) : LearnerEventData
{
    public override string Kind => LearnerEventKinds.QuizStarted;
}
