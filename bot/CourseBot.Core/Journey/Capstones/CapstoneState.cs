namespace CourseBot.Core.Journey.Capstones;

/// <summary>Where a capstone's review stands.</summary>
public enum CapstoneState
{
    /// <summary>No pull request yet.</summary>
    NotSubmitted,

    /// <summary>A draft pull request: not in the review queue.</summary>
    Draft,

    /// <summary>An open pull request waiting for an instructor (also after a dismissed or stale approval).</summary>
    Waiting,

    /// <summary>An instructor requested changes.</summary>
    ChangesRequested,

    /// <summary>An instructor approved it with a complete rubric: the module's review assessments are done.</summary>
    Approved,
}
