namespace CourseBot.Core.GitHub;

/// <summary>How the one HTTP pipeline in front of every GitHub call behaves under GitHub's limits and failures.</summary>
public sealed class GitHubResilienceOptions
{
    public const string Section = "CourseBot:GitHub:Resilience";

    public int MaxAttempts { get; set; } = 6;

    /// <summary>First back-off for 5xx and timeouts; doubled per attempt, with jitter.</summary>
    public TimeSpan RetryBase { get; set; } = TimeSpan.FromSeconds(1);

    public TimeSpan RetryMax { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>A secondary rate limit without a retry-after: GitHub says to wait at least a minute.</summary>
    public TimeSpan SecondaryLimitWait { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Content-creating requests (POST, PATCH, PUT, DELETE) at most one per this interval (GitHub: about one a second).</summary>
    public TimeSpan ContentCreationSpacing { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>A wait longer than this is not sat out: the call fails and the queue retries the work later.</summary>
    public TimeSpan MaxWait { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>How long one attempt may take before it counts as a timeout.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(30);
}
