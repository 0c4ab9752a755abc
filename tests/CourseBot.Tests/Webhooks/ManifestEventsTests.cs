using System.Text.Json.Nodes;
using CourseBot.Core.Webhooks;

namespace CourseBot.Tests.Webhooks;

/// <summary>The App subscribes to what it handles, and handles what it subscribes to (bot/app-manifest.json).</summary>
public sealed class ManifestEventsTests
{
    /// <summary>GitHub sends these to every App without a subscription; the manifest cannot name them.</summary>
    private static readonly string[] AlwaysSent = ["installation"];

    [Fact]
    public void ManifestEvents_AreExactlyTheHandledEvents()
    {
        var manifest = JsonNode.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.Root, "bot", "app-manifest.json")))!;
        var subscribed = manifest["default_events"]!.AsArray().Select(e => (string)e!).Order(StringComparer.Ordinal).ToList();
        var handled = CourseBotWebhookProcessor.HandledEvents.Except(AlwaysSent).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(handled, subscribed);
    }
}
