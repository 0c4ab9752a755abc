using CourseBot.Core.Storage;
using CourseBot.Core.Webhooks;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Moq;

namespace CourseBot.Tests.Webhooks;

/// <summary>The queue over a real SQLite file: retries with back-off, dead letters, replay, leases.</summary>
public sealed class DeliveryWorkerTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("coursebot-queue-").FullName;
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 25, 12, 0, 0, TimeSpan.Zero));
    private readonly SqliteDeliveryInbox _inbox;

    public DeliveryWorkerTests() => _inbox = new SqliteDeliveryInbox(Path.Combine(_dir, "coursebot.db"), _time);

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task FailingHandler_IsRetriedWithBackoff_ThenDeadLettered_AndReplayProcessesIt()
    {
        var calls = 0;
        var failing = true;
        var handler = new Mock<IWebhookDispatcher>();
        handler.Setup(d => d.DispatchAsync(It.IsAny<WebhookDelivery>(), It.IsAny<CancellationToken>())).Returns(() =>
        {
            calls++;
            return failing ? Task.FromException(new InvalidOperationException($"handler failed (call {calls})")) : Task.CompletedTask;
        });
        var worker = Worker(handler.Object, maxAttempts: 3);
        Assert.True(await _inbox.TryEnqueueAsync(Delivery("d-1"), CancellationToken.None));

        Assert.True(await worker.ProcessOneAsync(CancellationToken.None));       // attempt 1 fails
        Assert.False(await worker.ProcessOneAsync(CancellationToken.None));      // not due yet: backing off
        _time.Advance(TimeSpan.FromSeconds(3));
        Assert.True(await worker.ProcessOneAsync(CancellationToken.None));       // attempt 2 fails
        _time.Advance(TimeSpan.FromSeconds(5));
        Assert.True(await worker.ProcessOneAsync(CancellationToken.None));       // attempt 3 fails: dead letter
        _time.Advance(TimeSpan.FromMinutes(10));
        Assert.False(await worker.ProcessOneAsync(CancellationToken.None));      // nothing left to try
        Assert.Equal(3, calls);

        var letter = Assert.Single(await _inbox.DeadLettersAsync(CancellationToken.None));
        Assert.Equal(("d-1", "ping", 3), (letter.DeliveryId, letter.Event, letter.Attempts));
        Assert.Equal("InvalidOperationException: handler failed (call 3)", letter.Error);
        Assert.True((await _inbox.StatusAsync("d-1", CancellationToken.None))!.DeadLettered);

        failing = false;
        Assert.Equal(1, await _inbox.ReplayAsync(null, CancellationToken.None));
        Assert.True(await worker.ProcessOneAsync(CancellationToken.None));
        Assert.Empty(await _inbox.DeadLettersAsync(CancellationToken.None));
        Assert.NotNull((await _inbox.StatusAsync("d-1", CancellationToken.None))!.ProcessedAt);
        Assert.Equal(0, await _inbox.PendingAsync(CancellationToken.None));
    }

    [Fact]
    public async Task DuplicateDelivery_IsProcessedOnce()
    {
        var handler = new Mock<IWebhookDispatcher>();
        Assert.True(await _inbox.TryEnqueueAsync(Delivery("d-2"), CancellationToken.None));
        Assert.False(await _inbox.TryEnqueueAsync(Delivery("d-2"), CancellationToken.None));
        var worker = Worker(handler.Object);
        while (await worker.ProcessOneAsync(CancellationToken.None))
        {
        }

        handler.Verify(d => d.DispatchAsync(It.Is<WebhookDelivery>(w => w.DeliveryId == "d-2"), It.IsAny<CancellationToken>()), Times.Once);
        handler.VerifyNoOtherCalls();
    }

    [Fact]
    public async Task LeasedMessage_OfAWorkerThatDied_IsLeasedAgainAfterTheLease()
    {
        Assert.True(await _inbox.TryEnqueueAsync(Delivery("d-3"), CancellationToken.None));
        var first = await _inbox.LeaseAsync(TimeSpan.FromMinutes(5), CancellationToken.None);
        Assert.NotNull(first);
        Assert.Null(await _inbox.LeaseAsync(TimeSpan.FromMinutes(5), CancellationToken.None));
        _time.Advance(TimeSpan.FromMinutes(6));
        var again = await _inbox.LeaseAsync(TimeSpan.FromMinutes(5), CancellationToken.None);
        Assert.Equal((first.Id, 2), (again!.Id, again.Attempt));
    }

    [Fact]
    public async Task Worker_WaitsWhileTheIntakeIsBusy_AndProcessesOnceItIsNot()
    {
        var handled = 0;
        var handler = new Mock<IWebhookDispatcher>();
        handler.Setup(d => d.DispatchAsync(It.IsAny<WebhookDelivery>(), It.IsAny<CancellationToken>()))
            .Returns(() => { Interlocked.Increment(ref handled); return Task.CompletedTask; });
        var intake = new IntakeActivity();
        var options = new QueueOptions();
        for (var i = 0; i < options.IntakeBusyInFlight; i++)
        {
            intake.Started(); // as many webhooks being acknowledged as make the intake busy
        }

        Assert.True(await _inbox.TryEnqueueAsync(Delivery("d-busy"), CancellationToken.None));
        using var stop = new CancellationTokenSource();
        var run = Worker(handler.Object, intake: intake).RunAsync(stop.Token);
        for (var i = 0; i < 10; i++)
        {
            _time.Advance(TimeSpan.FromMilliseconds(20)); // the worker's pauses pass, the intake stays busy
            await Task.Delay(20);
        }

        Assert.Equal(0, handled);
        for (var i = 0; i < options.IntakeBusyInFlight; i++)
        {
            intake.Finished();
        }

        for (var i = 0; i < 250 && Volatile.Read(ref handled) == 0; i++)
        {
            _time.Advance(TimeSpan.FromMilliseconds(20));
            await Task.Delay(20);
        }

        Assert.Equal(1, handled);
        await stop.CancelAsync();
        await run;
    }

    private DeliveryWorker Worker(IWebhookDispatcher dispatcher, int maxAttempts = 5, IntakeActivity? intake = null) =>
        new(
            _inbox,
            dispatcher,
            new QueueOptions { MaxAttempts = maxAttempts, RetryBase = TimeSpan.FromSeconds(2) },
            intake ?? new IntakeActivity(),
            Infrastructure.TestTelemetry.Create(),
            _time,
            NullLogger<DeliveryWorker>.Instance);

    private static WebhookDelivery Delivery(string id) =>
        new(id, "ping", new Dictionary<string, string> { ["X-GitHub-Event"] = "ping", ["X-GitHub-Delivery"] = id }, "{}"u8.ToArray());
}
