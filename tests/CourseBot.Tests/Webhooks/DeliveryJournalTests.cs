using CourseBot.Core.Storage;
using CourseBot.Core.Storage.Journal;
using Microsoft.Extensions.Logging.Abstractions;

namespace CourseBot.Tests.Webhooks;

/// <summary>The delivery journal of <c>coursebot serve</c> over real files and a real SQLite inbox.</summary>
public sealed class DeliveryJournalTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("coursebot-journal-").FullName;

    private string Journal => Path.Combine(_dir, "journal");

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task ConcurrentAppends_AreAllStored_AndMovedIntoTheInbox()
    {
        using var journal = Open();
        var ids = Enumerable.Range(0, 300).Select(i => $"c-{i}").ToArray();
        var accepted = await Task.WhenAll(ids.Select(id => Task.Run(() => journal.TryAcceptAsync(Delivery(id), CancellationToken.None))));
        Assert.All(accepted, Assert.True);
        Assert.Equal(300, journal.Unmoved);
        Assert.Equal(300, await journal.PendingAsync(CancellationToken.None));

        await MoveAllAsync(journal);
        Assert.Equal(0, journal.Unmoved);
        var inbox = Sqlite();
        Assert.Equal(300, await inbox.PendingAsync(CancellationToken.None));
        foreach (var id in ids)
        {
            var status = await inbox.StatusAsync(id, CancellationToken.None);
            Assert.Equal(("push", null), (status!.Event, status.ProcessedAt));
        }

        var leased = await inbox.LeaseAsync(TimeSpan.FromMinutes(1), CancellationToken.None);
        Assert.Equal(Body(leased!.Delivery.DeliveryId), leased.Delivery.Body.ToArray());
        Assert.Equal(leased.Delivery.DeliveryId, leased.Delivery.Headers["X-GitHub-Delivery"]);
    }

    [Fact]
    public async Task AfterACrash_TheRecordsAfterTheCheckpointAreReplayed_AndATornTailIsIgnored()
    {
        // First run: two records moved, two more appended, then the process dies (nothing is closed or flushed).
        var first = Open();
        Assert.True(await first.TryAcceptAsync(Delivery("moved-1"), CancellationToken.None));
        Assert.True(await first.TryAcceptAsync(Delivery("moved-2"), CancellationToken.None));
        await MoveAllAsync(first);
        Assert.True(await first.TryAcceptAsync(Delivery("kept-1"), CancellationToken.None));
        Assert.True(await first.TryAcceptAsync(Delivery("kept-2"), CancellationToken.None));

        // The write that was under way when it died: half a record, never acknowledged.
        var torn = JournalRecord.Encode(Delivery("torn"), 0, out var length);
        var segment = JournalSegments.PathOf(Journal, JournalSegments.List(Journal).Max());
        await using (var file = new FileStream(segment, FileMode.Append, FileAccess.Write, FileShare.ReadWrite))
        {
            file.Write(torn, 0, length / 2);
        }

        using var second = Open();
        Assert.Equal(2, second.Unmoved);
        Assert.Null((await second.StatusAsync("kept-1", CancellationToken.None))!.ProcessedAt);
        await MoveAllAsync(second);

        var inbox = Sqlite();
        Assert.Equal(4, await inbox.PendingAsync(CancellationToken.None)); // moved-1, moved-2 once each, kept-1, kept-2
        Assert.NotNull(await inbox.StatusAsync("kept-2", CancellationToken.None));
        Assert.Null(await inbox.StatusAsync("torn", CancellationToken.None));
        Assert.DoesNotContain(JournalSegments.List(Journal), n => JournalSegments.PathOf(Journal, n) == segment);
        first.Dispose();
    }

    [Fact]
    public void GarbledBytes_InsideARecord_AreDetectedByTheChecksum()
    {
        var record = JournalRecord.Encode(Delivery("garbled"), 0, out var length);
        Assert.Equal(JournalReadStatus.Record, JournalRecord.TryRead(record.AsSpan(0, length), out _, out _));
        record[length - 10] ^= 0xFF;
        Assert.Equal(JournalReadStatus.Corrupt, JournalRecord.TryRead(record.AsSpan(0, length), out var entry, out _));
        Assert.Null(entry);
    }

    [Fact]
    public async Task ARedeliveredId_IsAnsweredAsDuplicate_AndProcessedOnce_EvenAfterARestart()
    {
        using (var journal = Open())
        {
            Assert.True(await journal.TryAcceptAsync(Delivery("same"), CancellationToken.None));
            Assert.False(await journal.TryAcceptAsync(Delivery("same"), CancellationToken.None)); // still in the journal
            await MoveAllAsync(journal);
            Assert.False(await journal.TryAcceptAsync(Delivery("same"), CancellationToken.None)); // moved recently
        }

        var inbox = Sqlite();
        var message = await inbox.LeaseAsync(TimeSpan.FromMinutes(1), CancellationToken.None);
        await inbox.CompleteAsync(message!, CancellationToken.None);

        // After a restart the id is no longer remembered in memory: it is journaled again, and the inbox ignores it.
        using var restarted = Open();
        Assert.True(await restarted.TryAcceptAsync(Delivery("same"), CancellationToken.None));
        await MoveAllAsync(restarted);
        Assert.Equal(0, await inbox.PendingAsync(CancellationToken.None));
        Assert.Null(await inbox.LeaseAsync(TimeSpan.FromMinutes(1), CancellationToken.None));
        Assert.NotNull((await restarted.StatusAsync("same", CancellationToken.None))!.ProcessedAt);
    }

    [Fact]
    public async Task FullSegments_AreRotated_AndDeletedOnceMoved()
    {
        using (var journal = Open(segmentBytes: 4096))
        {
            for (var i = 0; i < 12; i++)
            {
                Assert.True(await journal.TryAcceptAsync(Delivery($"r-{i}"), CancellationToken.None));
            }

            Assert.True(JournalSegments.List(Journal).Count >= 3, $"{JournalSegments.List(Journal).Count} segments");
            await MoveAllAsync(journal);
            Assert.Equal([journal.Mover.Position.Segment], JournalSegments.List(Journal));
            Assert.Equal(12, await Sqlite().PendingAsync(CancellationToken.None));
        }

        // The checkpoint is kept: a restart moves nothing again and starts a segment after the last one.
        using var restarted = Open(segmentBytes: 4096);
        Assert.Equal(0, restarted.Unmoved);
        Assert.True(restarted.Mover.Position.Segment < JournalSegments.List(Journal).Max());
        await MoveAllAsync(restarted);
        Assert.Equal(12, await Sqlite().PendingAsync(CancellationToken.None));
    }

    private DeliveryJournalInbox Open(long segmentBytes = 64 * 1024 * 1024) =>
        new(Journal, Sqlite(), segmentBytes, TimeProvider.System, NullLogger.Instance);

    private SqliteDeliveryInbox Sqlite() => new(Path.Combine(_dir, "coursebot.db"), TimeProvider.System);

    private static async Task MoveAllAsync(DeliveryJournalInbox journal)
    {
        for (var i = 0; i < 100 && await journal.Mover.MoveNextAsync(64, CancellationToken.None); i++)
        {
        }
    }

    private static byte[] Body(string id) =>
        System.Text.Encoding.UTF8.GetBytes($$"""{"ref":"refs/heads/main","id":"{{id}}","pad":"{{new string('x', 900)}}"}""");

    private static WebhookDelivery Delivery(string id) => new(
        id, "push", new Dictionary<string, string> { ["X-GitHub-Event"] = "push", ["X-GitHub-Delivery"] = id }, Body(id));
}
