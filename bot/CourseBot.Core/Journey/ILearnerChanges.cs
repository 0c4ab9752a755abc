namespace CourseBot.Core.Journey;

/// <summary>Tells the journey that a learner's record changed outside a webhook (a grade from the Action, a roster enrollment).</summary>
public interface ILearnerChanges
{
    Task ChangedAsync(string repository, string reason, CancellationToken cancel);
}
