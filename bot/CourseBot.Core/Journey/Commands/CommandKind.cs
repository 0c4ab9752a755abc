namespace CourseBot.Core.Journey.Commands;

public enum CommandKind
{
    Help,
    Recheck,
    Quiz,

    /// <summary>Instructor: <c>/approve assessment-id</c> records a review-graded assessment as approved.</summary>
    Approve,

    /// <summary>Instructor: <c>/place path-id</c> records placement into a path ("OR equivalent knowledge").</summary>
    Place,
}
