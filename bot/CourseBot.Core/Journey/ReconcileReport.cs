namespace CourseBot.Core.Journey;

/// <summary>What one reconciler pass queued.</summary>
public sealed record ReconcileReport(int Learners, int Resumed, int Regraded);
