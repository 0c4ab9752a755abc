using CourseBot.Core.Journey.History;
using CourseBot.Core.Storage;

namespace CourseBot.Core.Journey.Sync;

/// <summary>Appends bookkeeping and learner events for one repository.</summary>
public sealed class LearnerRecorder(ILearnerEvents history, string repository)
{
    public Task<LearnerEvent> RecordAsync(string subject, LearnerEventData data, CancellationToken cancel) =>
        history.AppendAsync(repository, subject, data, cancel);
}
