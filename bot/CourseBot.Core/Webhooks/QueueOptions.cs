using System.ComponentModel.DataAnnotations;

namespace CourseBot.Core.Webhooks;

/// <summary>
/// How queued deliveries are processed (<c>CourseBot:Queue</c>): attempts before the dead-letter list, back-off between them.
/// </summary>
public sealed class QueueOptions
{
    public const string Section = "CourseBot:Queue";

    /// <summary>Attempts before a delivery goes to the dead-letter list. Default: 5.</summary>
    [Range(1, 100, ErrorMessage = Section + ":MaxAttempts must be from {1} to {2}")]
    public int MaxAttempts { get; set; } = 5;

    /// <summary>How long a processing attempt owns a message; a process that dies loses it after this. Default: 5 minutes.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00", ErrorMessage = Section + ":Lease must be from {1} to {2}")]
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>First back-off after a failed attempt, doubled per attempt. Default: 2 seconds.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "01:00:00", ErrorMessage = Section + ":RetryBase must be from {1} to {2}")]
    public TimeSpan RetryBase { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>The longest back-off. Default: 5 minutes.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "1.00:00:00", ErrorMessage = Section + ":RetryMax must be from {1} to {2}")]
    public TimeSpan RetryMax { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How long the worker waits when the queue is empty. Default: 200 ms.</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "00:01:00", ErrorMessage = Section + ":IdlePoll must be from {1} to {2}")]
    public TimeSpan IdlePoll { get; set; } = TimeSpan.FromMilliseconds(200);
}
