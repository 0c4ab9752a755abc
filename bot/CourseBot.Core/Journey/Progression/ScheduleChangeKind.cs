namespace CourseBot.Core.Journey.Progression;

/// <summary>What a recorded change does to a learner's schedule.</summary>
public enum ScheduleChangeKind
{
    /// <summary>The milestone holding <see cref="ScheduleChange.Module"/> and all after it move <see cref="ScheduleChange.Days"/>
    /// later.</summary>
    Extend,

    /// <summary>From <see cref="ScheduleChange.On"/>, the modules not passed yet are laid out by <see
    /// cref="ScheduleChange.Pace"/>.</summary>
    Pace,

    /// <summary>Nothing is overdue from <see cref="ScheduleChange.On"/> until the matching resume.</summary>
    Pause,

    /// <summary>Milestones due on or after the pause day move by the days paused.</summary>
    Resume,
}
