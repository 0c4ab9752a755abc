namespace CourseBot.Grading.Sandbox;

/// <summary>What a learner command did: its exit code (null when killed), its capped output, and whether it ran out of time.</summary>
public sealed record SandboxRun(
    int? ExitCode,
    bool TimedOut,
    CapturedOutput Stdout,
    CapturedOutput Stderr,
    TimeSpan Duration,
    int LeftoverProcessesKilled
);
