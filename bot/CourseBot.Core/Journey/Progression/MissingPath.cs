using CourseBot.Core.Curriculum.Model;

namespace CourseBot.Core.Journey.Progression;

/// <summary>A path a certification level still needs; <see cref="Progress"/> is null when the learner does not study it.</summary>
public sealed record MissingPath(LearningPath Path, PathProgress? Progress);
