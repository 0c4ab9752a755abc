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

    /// <summary>Instructor: <c>/waive-peer-review</c> in a module issue waives the path's peer review rule for this learner.</summary>
    WaivePeerReview,

    /// <summary>Instructor: <c>/cohort NAME</c> moves the learner to another cohort.</summary>
    Cohort,

    /// <summary>Instructor: <c>/unenroll</c> archives the learner's repository (never deletes it).</summary>
    Unenroll,

    /// <summary>Instructor: <c>/extend DAYS [MODULE]</c> moves the learner's due dates from a module on.</summary>
    Extend,

    /// <summary>The learner or an instructor: <c>/pace PACE</c> lays the modules not passed out again from today.</summary>
    Pace,

    /// <summary>The learner or an instructor: <c>/pause</c> stops the clock (nothing is overdue).</summary>
    Pause,

    /// <summary>The learner or an instructor: <c>/resume</c> restarts it; the days paused are added to the due dates.</summary>
    Resume,
}
