namespace CourseBot.Grading.Sandbox;

/// <summary>Limits for learner processes. Defaults suit a Celery worker with a few processes on a 2-core runner.</summary>
public sealed record SandboxOptions
{
    /// <summary>
    /// The prefix of the names of the unprivileged users learner code runs as (root runs): each lab gets
    /// a fresh one (<c>prefix-1a2b3c4d</c>, with a random user id), deleted after it.
    /// </summary>
    public string LearnerUser { get; init; } = SandboxIdentity.LearnerUser;

    /// <summary>
    /// Where each lab's sandbox folder is made (root runs): root's, writable by no one else, as is every
    /// folder above it.
    /// </summary>
    public string SandboxParent { get; init; } = SandboxFolders.DefaultParent;

    /// <summary>World-writable folders cleared of the learner user's files after each lab (root runs).</summary>
    public IReadOnlyList<string> SharedFolders { get; init; } = LearnerLeftovers.SharedFolders;

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
