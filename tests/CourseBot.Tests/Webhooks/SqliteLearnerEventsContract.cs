using CourseBot.Core.Storage;

namespace CourseBot.Tests.Webhooks;

public sealed class SqliteLearnerEventsContract : LearnerEventsContract, IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("coursebot-history-").FullName;

    public SqliteLearnerEventsContract() => Events = new SqliteLearnerEvents(Path.Combine(_dir, "coursebot.db"), TimeProvider.System);

    protected override ILearnerEvents Events { get; }

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
