using CourseBot.Core.Storage;

namespace CourseBot.Tests.Webhooks;

public sealed class ProcessLearnerLocksContract : LearnerLocksContract
{
    protected override ILearnerLocks Locks { get; } = new ProcessLearnerLocks();
}
