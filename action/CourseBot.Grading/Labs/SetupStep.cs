namespace CourseBot.Grading.Labs;

/// <summary>A command run once, as the learner user, before the checks (installing requirements, say).</summary>
public sealed record SetupStep(string Run, TimeSpan Timeout);
