using CourseBot.Core.Storage;

namespace CourseBot.Tests.Webhooks;

/// <summary>The same contract for both inboxes: SQLite (embedded) and Azure (against Azurite). Real time, short leases.</summary>
public abstract class DeliveryInboxContract
{
    protected abstract IDeliveryInbox Inbox { get; }

    [Fact]
    public async Task ConcurrentEnqueues_WithRepeatedIds_StoreEachDeliveryOnce()
    {
        var ids = Enumerable.Range(0, 40).Select(_ => NewId()).ToList();
        var before = await Inbox.PendingAsync(CancellationToken.None);
        var results = await Task.WhenAll(
            ids.Concat(ids).Select(id => Task.Run(() => Inbox.TryEnqueueAsync(Delivery(id), CancellationToken.None)))
        );
        Assert.Equal(40, results.Count(stored => stored));
        Assert.Equal(before + 40, await Inbox.PendingAsync(CancellationToken.None));
        Assert.All(ids, id => Assert.NotNull(Inbox.StatusAsync(id, CancellationToken.None).Result));
    }

    [Fact]
    public async Task Enqueue_Lease_Complete_MarksProcessed()
    {
        var id = NewId();
        Assert.True(await Inbox.TryEnqueueAsync(Delivery(id), CancellationToken.None));
        var message = await Inbox.LeaseAsync(TimeSpan.FromSeconds(30), CancellationToken.None);
        Assert.NotNull(message);
        Assert.Equal((id, "push", 1), (message.Delivery.DeliveryId, message.Delivery.Event, message.Attempt));
        Assert.Equal("{\"ref\":\"refs/heads/main\"}", System.Text.Encoding.UTF8.GetString(message.Delivery.Body.Span));
        Assert.Equal(id, message.Delivery.Headers["X-GitHub-Delivery"]);
        await Inbox.CompleteAsync(message, CancellationToken.None);
        Assert.NotNull((await Inbox.StatusAsync(id, CancellationToken.None))!.ProcessedAt);
        Assert.Null(await Inbox.LeaseAsync(TimeSpan.FromSeconds(30), CancellationToken.None));
    }

    [Fact]
    public async Task RepeatedDeliveryId_IsNotEnqueuedAgain()
    {
        var id = NewId();
        Assert.True(await Inbox.TryEnqueueAsync(Delivery(id), CancellationToken.None));
        Assert.False(await Inbox.TryEnqueueAsync(Delivery(id), CancellationToken.None));
        Assert.NotNull(await Inbox.LeaseAsync(TimeSpan.FromSeconds(30), CancellationToken.None));
        Assert.Null(await Inbox.LeaseAsync(TimeSpan.FromSeconds(30), CancellationToken.None));
    }

    [Fact]
    public async Task FailedAttempt_ComesBackAfterItsBackoff_WithTheNextAttemptNumber()
    {
        Assert.True(await Inbox.TryEnqueueAsync(Delivery(NewId()), CancellationToken.None));
        var first = (await Inbox.LeaseAsync(TimeSpan.FromSeconds(30), CancellationToken.None))!;
        await Inbox.FailAsync(first, "boom", TimeSpan.FromSeconds(1), deadLetter: false, CancellationToken.None);
        Assert.Null(await Inbox.LeaseAsync(TimeSpan.FromSeconds(30), CancellationToken.None));
        await Task.Delay(1300);
        var second = await Inbox.LeaseAsync(TimeSpan.FromSeconds(30), CancellationToken.None);
        Assert.Equal(2, second!.Attempt);
    }

    [Fact]
    public async Task ExpiredLease_OfADeadWorker_IsLeasedAgain()
    {
        Assert.True(await Inbox.TryEnqueueAsync(Delivery(NewId()), CancellationToken.None));
        Assert.NotNull(await Inbox.LeaseAsync(TimeSpan.FromSeconds(1), CancellationToken.None));
        Assert.Null(await Inbox.LeaseAsync(TimeSpan.FromSeconds(1), CancellationToken.None));
        await Task.Delay(1300);
        Assert.Equal(2, (await Inbox.LeaseAsync(TimeSpan.FromSeconds(30), CancellationToken.None))!.Attempt);
    }

    [Fact]
    public async Task DeadLetter_IsListed_AndReplayPutsItBack()
    {
        var id = NewId();
        Assert.True(await Inbox.TryEnqueueAsync(Delivery(id), CancellationToken.None));
        var message = (await Inbox.LeaseAsync(TimeSpan.FromSeconds(30), CancellationToken.None))!;
        await Inbox.FailAsync(message, "InvalidOperationException: broken", TimeSpan.Zero, deadLetter: true, CancellationToken.None);
        var letter = Assert.Single(await Inbox.DeadLettersAsync(CancellationToken.None));
        Assert.Equal((id, "push", "InvalidOperationException: broken"), (letter.DeliveryId, letter.Event, letter.Error));
        Assert.True((await Inbox.StatusAsync(id, CancellationToken.None))!.DeadLettered);
        Assert.Null(await Inbox.LeaseAsync(TimeSpan.FromSeconds(30), CancellationToken.None));

        Assert.Equal(1, await Inbox.ReplayAsync(letter.Id, CancellationToken.None));
        Assert.Empty(await Inbox.DeadLettersAsync(CancellationToken.None));
        var again = await Inbox.LeaseAsync(TimeSpan.FromSeconds(30), CancellationToken.None);
        Assert.Equal(id, again!.Delivery.DeliveryId);
    }

    [Fact]
    public async Task LargePayload_RoundTrips()
    {
        var body = new byte[300 * 1024];
        Random.Shared.NextBytes(body);
        var id = NewId();
        Assert.True(
            await Inbox.TryEnqueueAsync(
                new WebhookDelivery(id, "push", new Dictionary<string, string> { ["X-GitHub-Delivery"] = id }, body),
                CancellationToken.None
            )
        );
        var message = await Inbox.LeaseAsync(TimeSpan.FromSeconds(30), CancellationToken.None);
        Assert.Equal(body, message!.Delivery.Body.ToArray());
    }

    private static string NewId() => Guid.NewGuid().ToString();

    private static WebhookDelivery Delivery(string id) =>
        new(
            id,
            "push",
            new Dictionary<string, string> { ["X-GitHub-Event"] = "push", ["X-GitHub-Delivery"] = id },
            "{\"ref\":\"refs/heads/main\"}"u8.ToArray()
        );
}
