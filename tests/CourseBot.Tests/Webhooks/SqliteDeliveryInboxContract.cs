using CourseBot.Core.Storage;

namespace CourseBot.Tests.Webhooks;

public sealed class SqliteDeliveryInboxContract : DeliveryInboxContract, IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("coursebot-contract-").FullName;

    public SqliteDeliveryInboxContract() => Inbox = new SqliteDeliveryInbox(Path.Combine(_dir, "coursebot.db"), TimeProvider.System);

    protected override IDeliveryInbox Inbox { get; }

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
