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

    /// <summary>
    /// <c>coursebot serve</c> only: store GitHub's deliveries in an append-only journal with group commit before the 202, and move
    /// them into the SQLite inbox in large batches in the background. Default: true. False writes a row per delivery into SQLite
    /// before answering (slower under load, same durability).
    /// </summary>
    public bool Journal { get; set; } = true;

    /// <summary>A journal segment is closed and a new one started once it holds this many bytes. Default: 64 MB.</summary>
    [Range(1024L, 4L * 1024 * 1024 * 1024, ErrorMessage = Section + ":JournalSegmentBytes must be from {1} to {2}")]
    public long JournalSegmentBytes { get; set; } = 64L * 1024 * 1024;

    /// <summary>Intake is busy (the worker and the journal pump wait) with this many requests in flight. Default: 8.</summary>
    [Range(1, 100_000, ErrorMessage = Section + ":IntakeBusyInFlight must be from {1} to {2}")]
    public int IntakeBusyInFlight { get; set; } = 8;

    /// <summary>Intake is busy (the worker and the journal pump wait) above this many webhooks per second. Default: 1,000.</summary>
    [Range(1, 1_000_000, ErrorMessage = Section + ":IntakeBusyRate must be from {1} to {2}")]
    public int IntakeBusyRate { get; set; } = 1000;

    /// <summary>
    /// The longest background work waits for a busy intake before it does one step anyway (one delivery, one journal batch), so
    /// that a sustained flood cannot starve it completely. Default: 1 second.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:01:00", ErrorMessage = Section + ":IntakeYieldMax must be from {1} to {2}")]
    public TimeSpan IntakeYieldMax { get; set; } = TimeSpan.FromSeconds(1);
}
