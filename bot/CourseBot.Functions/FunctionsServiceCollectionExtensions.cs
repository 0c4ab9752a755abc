using CourseBot.Core;
using CourseBot.Core.Telemetry;
using CourseBot.Core.Webhooks;
using CourseBot.Storage.Azure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CourseBot.Functions;

public static class FunctionsServiceCollectionExtensions
{
    /// <summary>The <c>service.name</c> of this host's traces and metrics (App Insights' cloud role name).</summary>
    public const string ServiceName = "coursebot-functions";

    /// <summary>
    /// The Functions host: the core's wiring on the Azure stores. Its functions are found by the Functions SDK;
    /// the one rule of its own is to fail closed without a webhook secret (<c>coursebot serve</c> shows setup instead).
    /// </summary>
    public static IServiceCollection AddCourseBotFunctions(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddLogging();
        services.AddCourseBot(configuration);
        services.AddAzureStores();
        services.AddCourseBotTelemetry(configuration, ServiceName, ApplicationInsightsExport.From(configuration));
        services.AddOptions<WebhookOptions>().Validate(
            webhooks => webhooks.Secret.Length > 0,
            WebhookOptions.Section + ":Secret is not set: the bot refuses to start without a webhook secret.");
        return services;
    }
}
