using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using CourseBot.Core.Telemetry;
using CourseBot.Tests.Journey;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;

namespace CourseBot.Tests.Telemetry;

/// <summary>
/// Traces and metrics of <c>coursebot serve</c>, caught by an in-memory exporter added to the host's own providers:
/// the host registers them because an OTLP endpoint is set (a closed loopback port: that exporter's sends fail,
/// unseen, which is also what a collector outage looks like).
/// </summary>
[Collection(TelemetryGroup.Name)]
public sealed class ServeTelemetryTests
{
    private const string Enroll =
        "### Path\n\nPath 1: Celery Fundamentals\n\n### Pace\n\nPart-time (most learners)\n\n### Start date\n\n2026-12-01";

    private static readonly Dictionary<string, string?> Exporting = new()
    {
        ["CourseBot:Telemetry:OtlpEndpoint"] = "http://127.0.0.1:9",
        ["CourseBot:Telemetry:QueueSampleEvery"] = "00:00:00.050",
    };

    [Fact]
    public async Task SignedWebhook_ThroughServe_ShowsAck_Processing_GitHubCalls_AndTheQueue()
    {
        var exported = new ExportedTelemetry();
        await using var harness = await JourneyHarness.StartAsync(
            Exporting, new GitHubEmulator.EmulatorOptions { GenerationDelay = TimeSpan.Zero }, exported.AddTo);
        var issue = harness.GitHub.OpenIssueAs(JourneyHarness.CourseRepository, "ada", "[Enroll] ada", Enroll, "enroll");

        await harness.SendAsync(
            harness.IssueOpened(JourneyHarness.CourseRepository, issue.Number, "ada", "[Enroll] ada", Enroll, "enroll"));
        await harness.IdleAsync();
        Assert.NotNull(harness.GitHub.State.Repo(JourneyHarness.Org, "celery-ada")); // enrolled: the journey did call GitHub
        var counted = await CallsSettledAsync(exported, harness);

        // The ack: a span and a histogram value, tagged with the event once the signature proved it GitHub's.
        var ack = Assert.Single(exported.Spans, s => s.DisplayName == "webhook ack" && (string?)s.GetTagItem("github.event") == "issues");
        Assert.Equal("queued", ack.GetTagItem("coursebot.outcome"));
        Assert.Equal(1, exported.Count("coursebot.webhook.ack.duration", ("github.event", "issues"), ("coursebot.outcome", "queued")));

        // Processing: its span, the GitHub requests it made as child spans, and the histogram for the event kind.
        var process = Assert.Single(exported.Spans, s => s.DisplayName == "process issues");
        Assert.Equal("processed", process.GetTagItem("coursebot.outcome"));
        Assert.Contains(exported.Spans, s => s.Source.Name == "System.Net.Http" && s.TraceId == process.TraceId);
        Assert.Equal(
            1, exported.Count("coursebot.delivery.processing.duration", ("github.event", "issues"), ("coursebot.outcome", "processed")));

        // Every request that reached GitHub was counted, and the rate limit its headers told is reported.
        Assert.Equal(harness.GitHub.TotalCalls, counted);
        Assert.True(exported.Sum("coursebot.github.calls", ("http.request.method", "POST"), ("http.response.status_code", 201)) > 0);
        var remaining = Assert.Single(exported.Points("coursebot.github.rate_limit.remaining", ("github.rate_limit.resource", "core")));
        Assert.InRange(remaining.GetGaugeLastValueLong(), 0, harness.GitHub.Options.RequestsPerHour - 1);

        // The queue gauges, sampled from the store: drained (once a sample taken after the drain is exported).
        Assert.Equal(0, await QueueDepthSettledAsync(exported, harness));
        Assert.Equal(0, Assert.Single(exported.Points("coursebot.queue.depth")).GetGaugeLastValueDouble());
        Assert.Single(exported.Points("coursebot.queue.oldest_age"));
        Assert.Equal(0, exported.Sum("coursebot.delivery.dead_letters"));
    }

    [Fact]
    public async Task ForgedGrade_IsCountedAsRefused_WithItsReason()
    {
        var exported = new ExportedTelemetry();
        await using var harness = await JourneyHarness.StartAsync(Exporting, services: exported.AddTo);
        using var forger = RSA.Create(2048);
        using var http = new HttpClient { BaseAddress = new Uri(harness.Bot.Urls.First()) };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/grades")
        {
            Content = new StringContent("""{"version":1}""", Encoding.UTF8, "application/json"),
        };
        // The issuer's claims, signed with a key that is not the issuer's.
        var forged = harness.Issuer.Mint("academy/celery-ada", signWith: forger);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", forged);

        using var response = await http.SendAsync(request);
        exported.Flush(harness.Bot.Services);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(1, exported.Sum("coursebot.grades.refused", ("coursebot.refusal.reason", GradeRefusal.TokenInvalid)));
        Assert.Equal(1, exported.Sum("coursebot.grades.refused"));
        Assert.Equal(0, exported.Sum("coursebot.grades.accepted"));
    }

    [Fact]
    public async Task WithoutAnExporter_ServeRegistersNoProvider()
    {
        await using var harness = await JourneyHarness.StartAsync();
        Assert.Null(harness.Bot.Services.GetService<MeterProvider>());
        Assert.Null(harness.Bot.Services.GetService<OpenTelemetry.Trace.TracerProvider>());
    }

    /// <summary>
    /// The GitHub call count once it has caught up with the emulator's: the reconciler may still be between a request
    /// and its answer when the queue drains, so both are read until they agree (or 5 s pass and the assertion fails).
    /// </summary>
    /// <summary>
    /// The sampled queue depth once a sample after the drain is in: the sampler reads the store every 50 ms in the
    /// background, so the first export after the queue empties may still carry the sample from before (read until it says 0
    /// or 5 s pass and the assertion fails).
    /// </summary>
    private static async Task<double> QueueDepthSettledAsync(ExportedTelemetry exported, JourneyHarness harness)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            exported.Flush(harness.Bot.Services);
            var depth = Assert.Single(exported.Points("coursebot.queue.depth")).GetGaugeLastValueDouble();
            if (depth == 0 || clock.Elapsed > TimeSpan.FromSeconds(5))
            {
                return depth;
            }

            await Task.Delay(100);
        }
    }

    private static async Task<long> CallsSettledAsync(ExportedTelemetry exported, JourneyHarness harness)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            exported.Flush(harness.Bot.Services);
            var counted = exported.Sum("coursebot.github.calls");
            if (counted == harness.GitHub.TotalCalls || clock.Elapsed > TimeSpan.FromSeconds(5))
            {
                return counted;
            }

            await Task.Delay(100);
        }
    }
}
