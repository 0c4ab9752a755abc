using System.Text.Json.Nodes;
using CourseBot.Core.Storage;

namespace CourseBot.Core.Journey.Sync;

/// <summary>Appends bookkeeping and learner events for one repository.</summary>
public sealed class LearnerRecorder(ILearnerEvents history, string repository)
{
    public Task<LearnerEvent> RecordAsync(string kind, string subject, JsonObject data, CancellationToken cancel)
    {
        ArgumentNullException.ThrowIfNull(data);
        return history.AppendAsync(repository, kind, subject, data.ToJsonString(), cancel);
    }
}
