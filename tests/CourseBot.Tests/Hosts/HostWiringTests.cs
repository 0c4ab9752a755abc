using System.Security.Cryptography;
using CourseBot.Cli.Serve;
using CourseBot.Core;
using CourseBot.Core.Oidc;
using CourseBot.Core.Storage;
using CourseBot.Core.Storage.Journal;
using CourseBot.Core.Webhooks;
using CourseBot.Functions;
using CourseBot.Storage.Azure;
using CourseBot.Tests.Journey;
using CourseBot.Tests.Webhooks;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace CourseBot.Tests.Hosts;

/// <summary>Both hosts run the one wiring of the core (<c>AddCourseBot</c>); each adds only its store and its endpoints.</summary>
public sealed class HostWiringTests : IDisposable
{
    // Stores are only constructed here, never reached: no Azurite needed.
    private const string DevelopmentStorage = "UseDevelopmentStorage=true";

    private readonly string _data = Directory.CreateTempSubdirectory("coursebot-wiring-").FullName;

    public void Dispose() => Directory.Delete(_data, recursive: true);

    [Fact]
    public void Serve_InvalidSetting_FailsTheStart_NamingTheSetting()
    {
        var settings = new Dictionary<string, string?> { ["CourseBot:DataDirectory"] = _data, ["CourseBot:Queue:MaxAttempts"] = "0" };
        var error = Assert.Throws<OptionsValidationException>(() => BotServer.Build(CeleryCourse.Course, "http://127.0.0.1:0", settings));
        Assert.Contains("CourseBot:Queue:MaxAttempts must be from 1 to 100", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ServeCommand_InvalidSettings_Exit1_WithEachSettingNamed()
    {
        using var error = new StringWriter();
        var settings = new Dictionary<string, string?>
        {
            ["CourseBot:DataDirectory"] = _data,
            ["CourseBot:Queue:MaxAttempts"] = "0",
            ["CourseBot:Oidc:ClockSkew"] = "01:00:00",
        };
        var exit = await BotServer.RunAsync(RepositoryPaths.Curriculum, "http://127.0.0.1:0", error, CancellationToken.None, settings);

        Assert.Equal(1, exit);
        Assert.Contains("coursebot serve: settings are not valid:", error.ToString(), StringComparison.Ordinal);
        Assert.Contains("CourseBot:Queue:MaxAttempts must be from 1 to 100", error.ToString(), StringComparison.Ordinal);
        Assert.Contains("CourseBot:Oidc:ClockSkew must be from", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Functions_InvalidSetting_FailsAtStart_NamingTheSetting()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(FunctionsSettings(new()
        {
            ["CourseBot:Prefix"] = "Course_Bot",
            ["CourseBot:GitHub:Resilience:AttemptTimeout"] = "00:00:00",
        }));
        builder.Services.AddCourseBotFunctions(builder.Configuration);
        using var host = builder.Build();

        // Every invalid setting at once, each by its name.
        var error = await Assert.ThrowsAsync<AggregateException>(() => host.StartAsync());
        Assert.All(error.InnerExceptions, e => Assert.IsType<OptionsValidationException>(e));
        Assert.Contains("CourseBot:Prefix must be lower-case letters and digits", error.Message, StringComparison.Ordinal);
        Assert.Contains("CourseBot:GitHub:Resilience:AttemptTimeout must be from ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BothHosts_ResolveEveryCoreService_AsTheSameImplementation()
    {
        using var key = RSA.Create(2048);
        // The credential signer is made on first use and fails closed without its key: both hosts get one here.
        using var credentialKey = System.Security.Cryptography.ECDsa.Create(System.Security.Cryptography.ECCurve.NamedCurves.nistP256);
        var app = new Dictionary<string, string?>
        {
            ["CourseBot:GitHub:AppId"] = "4242",
            ["CourseBot:GitHub:PrivateKey"] = key.ExportPkcs8PrivateKeyPem(),
            ["CourseBot:Credentials:PrivateKeyPem"] = credentialKey.ExportPkcs8PrivateKeyPem(),
        };
        var core = new ServiceCollection().AddCourseBot(new ConfigurationBuilder().Build())
            .Where(d => !d.ServiceType.IsGenericTypeDefinition)
            .Where(d => !d.ServiceType.Namespace!.StartsWith("Microsoft.Extensions", StringComparison.Ordinal))
            // Where a webhook is stored before the 202 is a store, compared below.
            .Where(d => d.ServiceType != typeof(IDeliveryIntake))
            .Select(d => d.ServiceType)
            .Distinct()
            .ToList();
        Assert.True(core.Count > 25, $"only {core.Count} core services registered");

        await using var serve = BotServer.Build(CeleryCourse.Course, "http://127.0.0.1:0", new Dictionary<string, string?>
        {
            ["CourseBot:DataDirectory"] = _data,
            ["CourseBot:Webhooks:Secret"] = WebhookRequests.Secret,
            ["CourseBot:GitHub:AppId"] = app["CourseBot:GitHub:AppId"],
            ["CourseBot:GitHub:PrivateKey"] = app["CourseBot:GitHub:PrivateKey"],
            ["CourseBot:Credentials:PrivateKeyPem"] = app["CourseBot:Credentials:PrivateKeyPem"],
        });
        var functionsSettings = new ConfigurationBuilder().AddInMemoryCollection(FunctionsSettings(app)).Build();
        await using var functions = new ServiceCollection().AddCourseBotFunctions(functionsSettings)
            .BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });

        foreach (var service in core)
        {
            var served = serve.Services.GetRequiredService(service).GetType();
            Assert.True(served == functions.GetRequiredService(service).GetType(), $"{service}: serve has {served}, Functions another");
        }

        // The stores are where they differ, and only there.
        Assert.Equal(
            [typeof(DeliveryJournalInbox), typeof(SqliteLearnerEvents), typeof(SqliteReplayGuard), typeof(ProcessLearnerLocks)],
            Stores(serve.Services));
        Assert.Equal(
            [typeof(AzureDeliveryInbox), typeof(AzureLearnerEvents), typeof(AzureReplayGuard), typeof(BlobLeaseLearnerLocks)],
            Stores(functions));
        Assert.Equal(
            typeof(DeliveryJournalInbox), serve.Services.GetRequiredService<IDeliveryIntake>().GetType());
        Assert.Equal(typeof(InboxDeliveryIntake), functions.GetRequiredService<IDeliveryIntake>().GetType());
    }

    private static Type[] Stores(IServiceProvider services) =>
    [
        services.GetRequiredService<IDeliveryInbox>().GetType(),
        services.GetRequiredService<ILearnerEvents>().GetType(),
        services.GetRequiredService<IReplayGuard>().GetType(),
        services.GetRequiredService<ILearnerLocks>().GetType(),
    ];

    private static Dictionary<string, string?> FunctionsSettings(Dictionary<string, string?> extra)
    {
        var settings = new Dictionary<string, string?>
        {
            ["AzureWebJobsStorage"] = DevelopmentStorage,
            ["CourseBot:CurriculumPath"] = RepositoryPaths.Curriculum,
            ["CourseBot:Webhooks:Secret"] = WebhookRequests.Secret,
        };
        foreach (var (key, value) in extra)
        {
            settings[key] = value;
        }

        return settings;
    }
}
