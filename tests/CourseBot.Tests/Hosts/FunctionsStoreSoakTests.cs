using Azure.Data.Tables;
using CourseBot.Bench;
using CourseBot.Tests.Infrastructure;

namespace CourseBot.Tests.Hosts;

/// <summary>
/// The functions-store-soak bench's path, short: signed webhooks at 200/s through the Functions host's webhook function into
/// Azurite's tables and queue, drained by its queue function; every id sent must be stored, processed, and processed once.
/// </summary>
[Collection(AzuriteGroup.Name)]
public sealed class FunctionsStoreSoakTests(Azurite azurite)
{
    [Fact]
    public async Task TwoHundredPerSecond_ForFiveSeconds_StoresAndProcessesEveryDeliveryOnce()
    {
        var soak = new StoreSoak(azurite.ConnectionString, "s" + Guid.NewGuid().ToString("N")[..10]);
        var report = await soak.RunAsync(200, TimeSpan.FromSeconds(5), CancellationToken.None);
        Assert.True(
            (report.Sent, report.Acknowledged, report.Stored, report.Processed, report.Lost, report.Doubled)
                == (1000, 1000, 1000, 1000, 0, 0),
            report.ToString());
    }

    [Fact]
    public async Task ADeliveryWhoseRowIsGone_IsCountedLost()
    {
        var prefix = "l" + Guid.NewGuid().ToString("N")[..10];
        var soak = new StoreSoak(azurite.ConnectionString, prefix);
        var report = await soak.RunAsync(50, TimeSpan.FromSeconds(1), CancellationToken.None);
        Assert.Equal((50, 0), (report.Stored, report.Lost));

        // A store that dropped one delivery after acknowledging it: the check must see it.
        await new TableClient(azurite.ConnectionString, prefix + "deliveries").DeleteEntityAsync("d", soak.Sent[7]);
        var again = await soak.VerifyAsync(soak.Sent, [], TimeSpan.FromSeconds(1), TimeSpan.Zero, CancellationToken.None);
        Assert.Equal((49, 1), (again.Stored, again.Lost));
    }
}
