namespace CourseBot.Core.Journey;

/// <summary>What one reconciler pass queued.</summary>
public sealed record ReconcileReport(int Learners, int Resumed, int Regraded, int ExpiredQuizzes = 0, int PeerRetries = 0)
{
    /// <summary>Learners whose daily deadline pass was queued (a README's overdue marks changed, or a reminder is owed).</summary>
    public int Deadlines { get; init; }
}
