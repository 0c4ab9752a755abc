using CourseBot.Core.Storage;

namespace CourseBot.Tests.Storage;

/// <summary>
/// The write gate of the embedded store: one writer at a time per file, webhook intake before background writers,
/// a cancelled waiter never strands the gate, and the stores of one file share one gate.
/// </summary>
public sealed class SqliteWriteGateTests
{
    [Fact]
    public async Task UrgentWriter_IsHandedTheGate_BeforeBackgroundWritersThatCameFirst()
    {
        var gate = NewGate();
        var order = new List<string>();
        var held = await gate.EnterAsync(urgent: false, CancellationToken.None);
        var background = Enter(gate, urgent: false, "background", order);
        var urgent = Enter(gate, urgent: true, "urgent", order);
        Assert.Equal(1, gate.UrgentWaiting);
        Assert.False(background.IsCompleted);
        held.Dispose();
        await Task.WhenAll(background, urgent);
        Assert.Equal(["urgent", "background"], order);
    }

    [Fact]
    public async Task CancelledWaiter_PassesTheGateOn_ToTheNextOne()
    {
        var gate = NewGate();
        var held = await gate.EnterAsync(urgent: false, CancellationToken.None);
        using var cancel = new CancellationTokenSource();
        var cancelled = gate.EnterAsync(urgent: true, cancel.Token).AsTask();
        var next = gate.EnterAsync(urgent: false, CancellationToken.None).AsTask();
        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled);
        held.Dispose();
        using (await next.WaitAsync(TimeSpan.FromSeconds(5)))
        {
            Assert.False(gate.EnterAsync(urgent: true, CancellationToken.None).AsTask().IsCompleted);
        }
    }

    [Fact]
    public async Task LeavingTwice_DoesNotOpenTheGateForTwoWriters()
    {
        var gate = NewGate();
        var first = await gate.EnterAsync(urgent: false, CancellationToken.None);
        var second = gate.EnterAsync(urgent: false, CancellationToken.None).AsTask();
        first.Dispose();
        first.Dispose();
        using var holder = await second.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.False(gate.EnterAsync(urgent: false, CancellationToken.None).AsTask().IsCompleted);
    }

    [Fact]
    public async Task StoresOfOneFile_WriteThroughOneGate_AndLoseNothing()
    {
        var dir = Directory.CreateTempSubdirectory("coursebot-gate-").FullName;
        try
        {
            var path = Path.Combine(dir, "coursebot.db");
            var inbox = new SqliteDeliveryInbox(path, TimeProvider.System);
            var events = new SqliteLearnerEvents(path, TimeProvider.System);
            Assert.Same(SqliteWriteGate.For(path), SqliteWriteGate.For(Path.Combine(dir, ".", "coursebot.db")));
            // Intake, history and the worker's lease/complete at once: with busy_timeout alone some would sleep in
            // SQLite's busy handler; through the gate every one of them commits.
            var writes = Enumerable.Range(0, 60).Select(i => Task.Run(async () =>
            {
                var id = $"gate-{i}";
                var headers = new Dictionary<string, string> { ["X-GitHub-Delivery"] = id };
                await inbox.TryEnqueueAsync(new WebhookDelivery(id, "push", headers, "{}"u8.ToArray()), CancellationToken.None);
                await events.AppendAsync("o/r", "note", "s", "{}", CancellationToken.None);
                if (await inbox.LeaseAsync(TimeSpan.FromMinutes(1), CancellationToken.None) is { } message)
                {
                    await inbox.CompleteAsync(message, CancellationToken.None);
                }
            }));
            await Task.WhenAll(writes);
            Assert.Equal(60, (await events.ReadAsync("o/r", CancellationToken.None)).Count);
            Assert.Equal(0, await inbox.PendingAsync(CancellationToken.None));
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(dir, recursive: true);
        }
    }

    private static SqliteWriteGate NewGate() => SqliteWriteGate.For("/gate-tests/" + Guid.NewGuid().ToString("N"));

    private static async Task Enter(SqliteWriteGate gate, bool urgent, string name, List<string> order)
    {
        using (await gate.EnterAsync(urgent, CancellationToken.None))
        {
            order.Add(name);
        }
    }
}
