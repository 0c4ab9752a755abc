using Azure.Core;
using Azure.Identity;
using Azure.Monitor.OpenTelemetry.Exporter;
using Microsoft.Azure.Functions.Worker.OpenTelemetry;
using Microsoft.Extensions.Configuration;
using OpenTelemetry;

namespace CourseBot.Functions;

/// <summary>
/// Application Insights for the Functions worker, through OpenTelemetry (so the same sources and meters as OTLP):
/// on when <c>APPLICATIONINSIGHTS_CONNECTION_STRING</c> is set, the setting <c>infra/main.bicep</c> gives the app.
/// The Bicep turns local authentication off (Entra ID ingestion only) and sets
/// <c>APPLICATIONINSIGHTS_AUTHENTICATION_STRING</c> to <c>ClientId=ID;Authorization=AAD</c>: the exporter then signs
/// in as that user-assigned identity, which holds Monitoring Metrics Publisher.
/// </summary>
public static class ApplicationInsightsExport
{
    public const string ConnectionStringSetting = "APPLICATIONINSIGHTS_CONNECTION_STRING";
    public const string AuthenticationSetting = "APPLICATIONINSIGHTS_AUTHENTICATION_STRING";

    /// <summary>The exporters to add, or null when no connection string is set (nothing is sent to Azure then).</summary>
    public static Action<OpenTelemetryBuilder>? From(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        if (configuration[ConnectionStringSetting] is not { Length: > 0 } connection)
        {
            return null;
        }

        var credential = Credential(configuration[AuthenticationSetting]);
        return builder => builder
            .UseFunctionsWorkerDefaults()
            .WithTracing(tracing => tracing.AddAzureMonitorTraceExporter(o => Configure(o, connection, credential)))
            .WithMetrics(metrics => metrics.AddAzureMonitorMetricExporter(o => Configure(o, connection, credential)));
    }

    /// <summary>The identity named by the authentication string, or null for key-based ingestion.</summary>
    internal static TokenCredential? Credential(string? authentication)
    {
        var parts = (authentication ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(p => p.Split('=', 2))
            .Where(p => p.Length == 2)
            .ToDictionary(p => p[0], p => p[1], StringComparer.OrdinalIgnoreCase);
        if (!string.Equals(parts.GetValueOrDefault("Authorization"), "AAD", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        return parts.GetValueOrDefault("ClientId") is { Length: > 0 } clientId
            ? new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(clientId))
            : new ManagedIdentityCredential(ManagedIdentityId.SystemAssigned);
    }

    private static void Configure(AzureMonitorExporterOptions options, string connection, TokenCredential? credential)
    {
        options.ConnectionString = connection;
        if (credential is not null)
        {
            options.Credential = credential;
        }
    }
}
