using System.Collections.Immutable;

namespace CourseBot.Core.Journey.Progression;

/// <summary>
/// A learner's schedule as it stands after every recorded change: the milestones, the pace now in force, and the day a
/// pause began while one lasts.
/// </summary>
public sealed record LearnerSchedule(ImmutableArray<Milestone> Milestones, string PaceId, DateOnly? PausedSince);
