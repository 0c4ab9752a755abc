using System.Text;
using CourseBot.Cli.Commands;
using CourseBot.Core.Storage;
using CourseBot.Storage.Azure;
using CourseBot.Tests.Infrastructure;

namespace CourseBot.Tests.Cli;

/// <summary><c>coursebot events failed|replay</c> against the Functions host's Azure store (Azurite).</summary>
[Collection(AzuriteGroup.Name)]
public sealed class EventsCommandTests(Azurite azurite)
{
    [Fact]
    public async Task Replay_OnTheAzureStore_PutsTheDeadLetterBackOnTheQueue()
    {
        var prefix = "e" + Guid.NewGuid().ToString("N")[..10];
        var inbox = new AzureDeliveryInbox(azurite.ConnectionString, prefix, TimeProvider.System);
        await inbox.InitializeAsync(CancellationToken.None);
        var delivery = new WebhookDelivery(
            "d-" + Guid.NewGuid().ToString("N"),
            "issues",
            new Dictionary<string, string>(),
            Encoding.UTF8.GetBytes("{}")
        );
        Assert.True(await inbox.TryEnqueueAsync(delivery, CancellationToken.None));
        var leased = await inbox.LeaseAsync(TimeSpan.FromSeconds(30), CancellationToken.None);
        await inbox.FailAsync(leased!, "handler broke", TimeSpan.Zero, deadLetter: true, CancellationToken.None);
        Assert.Null(await inbox.LeaseAsync(TimeSpan.FromSeconds(30), CancellationToken.None));

        string[] store = ["--azure-storage", azurite.ConnectionString, "--prefix", prefix];
        Assert.Equal(0, await CourseBotCommandLine.Build().Parse(["events", "failed", .. store]).InvokeAsync());
        Assert.Equal(2, await CourseBotCommandLine.Build().Parse(["events", "replay", .. store]).InvokeAsync()); // neither an id nor --all
        Assert.Equal(0, await CourseBotCommandLine.Build().Parse(["events", "replay", "--all", .. store]).InvokeAsync());

        Assert.Empty(await inbox.DeadLettersAsync(CancellationToken.None));
        Assert.Equal(delivery.DeliveryId, (await inbox.LeaseAsync(TimeSpan.FromSeconds(30), CancellationToken.None))?.Delivery.DeliveryId);
    }
}
