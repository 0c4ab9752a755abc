using System.ComponentModel.DataAnnotations;

namespace CourseBot.Core.GitHub;

/// <summary>
/// How the one HTTP pipeline in front of every GitHub call behaves under GitHub's limits and failures
/// (<c>CourseBot:GitHub:Resilience</c>).
/// </summary>
public sealed class GitHubResilienceOptions
{
    public const string Section = "CourseBot:GitHub:Resilience";

    /// <summary>Attempts per call, the first included. Default: 6.</summary>
    [Range(1, 20, ErrorMessage = Section + ":MaxAttempts must be from {1} to {2}")]
    public int MaxAttempts { get; set; } = 6;

    /// <summary>First back-off for 5xx and timeouts; doubled per attempt, with jitter. Default: 1 second.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00", ErrorMessage = Section + ":RetryBase must be from {1} to {2}")]
    public TimeSpan RetryBase { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest back-off for 5xx and timeouts. Default: 60 seconds.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "01:00:00", ErrorMessage = Section + ":RetryMax must be from {1} to {2}")]
    public TimeSpan RetryMax { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>A secondary rate limit without a retry-after: GitHub says to wait at least a minute. Default: 60 seconds.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "01:00:00", ErrorMessage = Section + ":SecondaryLimitWait must be from {1} to {2}")]
    public TimeSpan SecondaryLimitWait { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// Content-creating requests (POST, PATCH, PUT, DELETE) at most one per this interval (GitHub: about one a second).
    /// Default: 1 second.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:01:00", ErrorMessage = Section + ":ContentCreationSpacing must be from {1} to {2}")]
    public TimeSpan ContentCreationSpacing { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Content-creating requests per installation in any minute (GitHub's secondary limit: 80). The client waits for room rather
    /// than be refused. Default: 80.
    /// </summary>
    [Range(1, 100_000, ErrorMessage = Section + ":ContentCreationPerMinute must be from {1} to {2}")]
    public int ContentCreationPerMinute { get; set; } = 80;

    /// <summary>Content-creating requests per installation in any hour (GitHub's secondary limit: 500). Default: 500.</summary>
    [Range(1, 1_000_000, ErrorMessage = Section + ":ContentCreationPerHour must be from {1} to {2}")]
    public int ContentCreationPerHour { get; set; } = 500;

    /// <summary>
    /// How much longer than a minute and an hour the client's windows are, for the time a request takes to reach GitHub.
    /// Default: 1 second (the hourly limit stays 99.97 % usable).
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:01:00", ErrorMessage = Section + ":ContentCreationMargin must be from {1} to {2}")]
    public TimeSpan ContentCreationMargin { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>A wait longer than this is not sat out: the call fails and the queue retries the work later. Default: 15 minutes.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "1.00:00:00", ErrorMessage = Section + ":MaxWait must be from {1} to {2}")]
    public TimeSpan MaxWait { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>How long one attempt may take before it counts as a timeout. Default: 30 seconds.</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "00:10:00", ErrorMessage = Section + ":AttemptTimeout must be from {1} to {2}")]
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(30);
}
