namespace CourseBot.Core.Webhooks;

/// <summary>Webhook ingress settings. Without a secret the service does not accept webhooks (fail closed).</summary>
public sealed class WebhookOptions
{
    public const string Section = "CourseBot:Webhooks";

    /// <summary>GitHub's documented maximum payload: 25 MB.</summary>
    public const long GitHubMaxPayloadBytes = 25L * 1024 * 1024;

    public string Secret { get; set; } = "";

    public long MaxBodyBytes { get; set; } = GitHubMaxPayloadBytes;
}

/// <summary>How queued deliveries are processed: attempts before the dead-letter list, back-off between them.</summary>
public sealed class QueueOptions
{
    public const string Section = "CourseBot:Queue";

    public int MaxAttempts { get; set; } = 5;

    /// <summary>How long a processing attempt owns a message; a process that dies loses it after this.</summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(5);

    public TimeSpan RetryBase { get; set; } = TimeSpan.FromSeconds(2);

    public TimeSpan RetryMax { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How long the worker waits when the queue is empty.</summary>
    public TimeSpan IdlePoll { get; set; } = TimeSpan.FromMilliseconds(200);
}
