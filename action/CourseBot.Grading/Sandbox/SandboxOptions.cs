namespace CourseBot.Grading.Sandbox;

/// <summary>Limits for learner processes. Defaults suit a Celery worker with a few processes on a 2-core runner.</summary>
public sealed record SandboxOptions
{
    /// <summary>The unprivileged user learner code runs as (root runs). Graders sharing a machine each need their own.</summary>
    public string LearnerUser { get; init; } = SandboxIdentity.LearnerUser;

    /// <summary>Most processes the learner user may have at once (root runs only: the limit is per user).</summary>
    public int MaxProcesses { get; init; } = 256;

    public long MaxAddressSpaceBytes { get; init; } = 4L << 30;

    /// <summary>Largest file a learner process may write, its captured output included.</summary>
    public long MaxFileBytes { get; init; } = 256L << 20;

    public int MaxOpenFiles { get; init; } = 1024;

    /// <summary>How much of each output stream is kept for the report; the rest is counted and marked.</summary>
    public int OutputCapBytes { get; init; } = 64 << 10;

    /// <summary>Allow only loopback traffic for the learner user (root runs with iptables).</summary>
    public bool RestrictNetwork { get; init; } = true;

    public TimeProvider Time { get; init; } = TimeProvider.System;
}
