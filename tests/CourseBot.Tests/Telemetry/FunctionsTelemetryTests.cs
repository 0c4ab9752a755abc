using CourseBot.Cli.Serve;
using CourseBot.Core.Telemetry;
using CourseBot.Functions;
using CourseBot.Tests.Journey;
using CourseBot.Tests.Webhooks;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace CourseBot.Tests.Telemetry;

/// <summary>
/// The Functions host's telemetry wiring (the host itself cannot run here): the same instruments as serve, exported
/// when configured.
/// </summary>
[Collection(TelemetryGroup.Name)]
public sealed class FunctionsTelemetryTests : IDisposable
{
    private const string Otlp = "http://127.0.0.1:9";
    private readonly string _data = Directory.CreateTempSubdirectory("coursebot-otel-").FullName;

    public void Dispose() => Directory.Delete(_data, recursive: true);

    [Fact]
    public async Task BothHosts_WithAnOtlpEndpoint_ExportEveryInstrument_AndTheSameOnes()
    {
        var functionsExport = new ExportedTelemetry();
        var functionsServices = new ServiceCollection()
            .AddCourseBotFunctions(Functions(new() { ["CourseBot:Telemetry:OtlpEndpoint"] = Otlp }));
        functionsExport.AddTo(functionsServices);
        await using var functions = functionsServices.BuildServiceProvider();
        var serveExport = new ExportedTelemetry();
        await using var serve = BotServer.Build(
            CeleryCourse.Course,
            "http://127.0.0.1:0",
            new Dictionary<string, string?>
            {
                ["CourseBot:DataDirectory"] = _data,
                ["CourseBot:Webhooks:Secret"] = WebhookRequests.Secret,
                ["CourseBot:Telemetry:OtlpEndpoint"] = Otlp,
            },
            serveExport.AddTo);

        var functionsNames = RecordEachInstrument(functions, functionsExport);
        var serveNames = RecordEachInstrument(serve.Services, serveExport);

        string[] expected =
        [
            "coursebot.delivery.dead_letters", "coursebot.delivery.processing.duration", "coursebot.github.calls",
            "coursebot.github.rate_limit.remaining", "coursebot.grades.accepted", "coursebot.grades.refused",
            "coursebot.queue.depth", "coursebot.queue.oldest_age", "coursebot.webhook.ack.duration",
        ];
        Assert.Equal(expected, functionsNames);
        Assert.Equal(expected, serveNames);
        Assert.Contains(functionsExport.Spans, s => s.DisplayName == "process push");
        Assert.Contains(functions.GetServices<IHostedService>(), s => s is QueueSampler);
    }

    [Fact]
    public async Task FunctionsHost_ExportsToApplicationInsights_WhenItsConnectionStringIsSet_AndNothingOtherwise()
    {
        await using (var quiet = new ServiceCollection().AddCourseBotFunctions(Functions([])).BuildServiceProvider())
        {
            Assert.Null(quiet.GetService<MeterProvider>());
            Assert.Null(quiet.GetService<TracerProvider>());
            Assert.DoesNotContain(quiet.GetServices<IHostedService>(), s => s is QueueSampler);
        }

        // The setting the Bicep gives the app (infra/main.bicep), with its Entra ID authentication string.
        var insights = Functions(new()
        {
            [ApplicationInsightsExport.ConnectionStringSetting] =
                "InstrumentationKey=00000000-0000-0000-0000-000000000000;IngestionEndpoint=http://127.0.0.1:9/",
            [ApplicationInsightsExport.AuthenticationSetting] = "ClientId=11111111-2222-3333-4444-555555555555;Authorization=AAD",
        });
        await using var exporting = new ServiceCollection().AddCourseBotFunctions(insights).BuildServiceProvider();
        Assert.NotNull(exporting.GetService<MeterProvider>());
        Assert.NotNull(exporting.GetService<TracerProvider>());
        var bicep = await File.ReadAllTextAsync(Path.Combine(RepositoryPaths.Root, "infra", "main.bicep"));
        Assert.Contains($"name: '{ApplicationInsightsExport.ConnectionStringSetting}'", bicep, StringComparison.Ordinal);
        Assert.Contains($"name: '{ApplicationInsightsExport.AuthenticationSetting}'", bicep, StringComparison.Ordinal);
    }

    [Fact]
    public void ApplicationInsightsCredential_IsTheIdentityTheAuthenticationStringNames()
    {
        Assert.IsType<Azure.Identity.ManagedIdentityCredential>(
            ApplicationInsightsExport.Credential("ClientId=11111111-2222-3333-4444-555555555555;Authorization=AAD"));
        Assert.IsType<Azure.Identity.ManagedIdentityCredential>(ApplicationInsightsExport.Credential("Authorization=AAD"));
        Assert.Null(ApplicationInsightsExport.Credential(null));
        Assert.Null(ApplicationInsightsExport.Credential("ClientId=abc"));
    }

    /// <summary>Calls each instrument of the host's <see cref="CourseBotTelemetry"/> once; returns the names its exporter saw.</summary>
    private static string[] RecordEachInstrument(IServiceProvider host, ExportedTelemetry exported)
    {
        // Resolving the providers starts them listening, as the host's start would.
        host.GetRequiredService<MeterProvider>();
        host.GetRequiredService<TracerProvider>();
        var telemetry = host.GetRequiredService<CourseBotTelemetry>();
        using (var span = CourseBotTelemetry.StartAck())
        {
            telemetry.Acknowledged(span, System.Diagnostics.Stopwatch.GetTimestamp(), 202, "queued", "push");
        }

        using (var span = CourseBotTelemetry.StartProcessing("push", "delivery-1", 5))
        {
            telemetry.Processed(span, System.Diagnostics.Stopwatch.GetTimestamp(), "push", "dead_letter", new InvalidOperationException());
        }

        telemetry.GitHubCall("GET", 200, new RateLimitReading("core", 4999, 5000));
        telemetry.GradeAccepted(passed: true);
        telemetry.GradeRefused(GradeRefusal.WrongCommit, 409);
        telemetry.ObserveQueue(new Core.Storage.QueueSnapshot(3, TimeSpan.FromSeconds(2)));
        exported.Flush(host);
        return
        [
            .. exported.Metrics.Where(m => m.MeterName == CourseBotTelemetry.Name)
                .Select(m => m.Name).Distinct().Order(StringComparer.Ordinal),
        ];
    }

    private static IConfiguration Functions(Dictionary<string, string?> extra)
    {
        var settings = new Dictionary<string, string?>
        {
            ["AzureWebJobsStorage"] = "UseDevelopmentStorage=true",
            ["CourseBot:CurriculumPath"] = RepositoryPaths.Curriculum,
            ["CourseBot:Webhooks:Secret"] = WebhookRequests.Secret,
        };
        foreach (var (name, value) in extra)
        {
            settings[name] = value;
        }

        return new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
    }
}
