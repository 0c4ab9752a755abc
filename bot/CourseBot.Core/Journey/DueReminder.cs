using CourseBot.Core.Journey.Progression;

namespace CourseBot.Core.Journey;

/// <summary>A module that has crossed reminder thresholds not reminded of yet (the highest is the one the reminder names).</summary>
public sealed record DueReminder(ModuleProgress Module, int DaysOverdue, IReadOnlyList<int> Thresholds);
