using CourseBot.Core.Storage;

namespace CourseBot.Core.Journey.History;

/// <summary>Appends a typed entry: the store keeps its kind, subject and JSON, and knows nothing of the records.</summary>
public static class LearnerEventsExtensions
{
    public static Task<LearnerEvent> AppendAsync(
        this ILearnerEvents history, string repository, string subject, LearnerEventData data, CancellationToken cancel)
    {
        ArgumentNullException.ThrowIfNull(history);
        ArgumentNullException.ThrowIfNull(data);
        return history.AppendAsync(repository, data.Kind, subject, LearnerEventJson.Write(data), cancel);
    }
}
