using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace CourseBot.Core.Telemetry;

/// <summary>Exporting the bot's traces and metrics: the same sources and meters in both hosts, exporters as configured.</summary>
public static class TelemetryServiceCollectionExtensions
{
    /// <summary>The OTLP variable the OpenTelemetry exporter reads itself (with its _PROTOCOL and _HEADERS siblings).</summary>
    public const string OtlpEndpointVariable = "OTEL_EXPORTER_OTLP_ENDPOINT";

    /// <summary>
    /// Registers OpenTelemetry when there is somewhere to send to: OTLP when <see cref="TelemetryOptions.OtlpEndpoint"/>
    /// or <see cref="OtlpEndpointVariable"/> is set, and whatever <paramref name="hostExporters"/> adds (the Functions
    /// host's Application Insights). Otherwise registers nothing: no listener, so every span start returns null and
    /// every instrument is a flag check on the webhook ack path.
    /// </summary>
    /// <param name="services">The host's services (after <c>AddCourseBot</c>).</param>
    /// <param name="configuration">The host's configuration, environment variables included.</param>
    /// <param name="serviceName">The <c>service.name</c> resource attribute (<c>OTEL_SERVICE_NAME</c> overrides it).</param>
    /// <param name="hostExporters">A host's own exporters; null when it has none configured.</param>
    /// <returns>Whether anything will be exported.</returns>
    public static bool AddCourseBotTelemetry(
        this IServiceCollection services,
        IConfiguration configuration,
        string serviceName,
        Action<OpenTelemetryBuilder>? hostExporters = null)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var endpoint = configuration.GetSection(TelemetryOptions.Section).GetValue<Uri?>(nameof(TelemetryOptions.OtlpEndpoint));
        var otlp = endpoint is not null || configuration[OtlpEndpointVariable] is { Length: > 0 };
        if (!otlp && hostExporters is null)
        {
            return false;
        }

        var builder = services.AddCourseBotInstrumentation(serviceName);
        if (otlp)
        {
            // Without an endpoint in the options the exporter reads OTEL_EXPORTER_OTLP_* itself.
            builder.WithTracing(tracing => tracing.AddOtlpExporter(o => o.Endpoint = endpoint ?? o.Endpoint))
                .WithMetrics(metrics => metrics.AddOtlpExporter(o => o.Endpoint = endpoint ?? o.Endpoint));
        }

        hostExporters?.Invoke(builder);
        return true;
    }

    /// <summary>
    /// The listening half without an exporter: the bot's source and meter, ASP.NET Core's and HttpClient's built-in
    /// ones (GitHub calls become child spans of the delivery that made them), and the queue sampler. Tests add an
    /// in-memory exporter to it.
    /// </summary>
    public static OpenTelemetryBuilder AddCourseBotInstrumentation(this IServiceCollection services, string serviceName)
    {
        services.AddHostedService<QueueSampler>();
        return services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(serviceName))
            .WithTracing(tracing => tracing.AddSource(CourseBotTelemetry.Name, "Microsoft.AspNetCore", "System.Net.Http"))
            .WithMetrics(metrics => metrics.AddMeter(
                CourseBotTelemetry.Name, "Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Server.Kestrel", "System.Net.Http"));
    }
}
