using System.Collections.Immutable;

namespace CourseBot.Core.Journey.Progression;

/// <summary>A dated goal from the learner's pace: the modules to finish by <see cref="DueOn"/>.</summary>
public sealed record Milestone(string Title, DateOnly DueOn, ImmutableArray<string> Modules);
