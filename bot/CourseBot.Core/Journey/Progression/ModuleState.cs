namespace CourseBot.Core.Journey.Progression;

/// <summary>Where a module stands for one learner.</summary>
public enum ModuleState
{
    /// <summary>A prerequisite module or path is not done yet.</summary>
    Locked,

    /// <summary>Unlocked, nothing recorded yet.</summary>
    Open,

    /// <summary>Unlocked, some work recorded, not every required assessment done.</summary>
    InProgress,

    /// <summary>Every required assessment done (the course's module passing rule).</summary>
    Passed,
}
