using System.ComponentModel.DataAnnotations;

namespace CourseBot.Core.Telemetry;

/// <summary>
/// Where traces and metrics go (<c>CourseBot:Telemetry</c>). Nothing is exported, and no OpenTelemetry listener is
/// registered, unless an OTLP endpoint is set here or in <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> (the standard variable,
/// read with <c>OTEL_EXPORTER_OTLP_PROTOCOL</c> and <c>OTEL_EXPORTER_OTLP_HEADERS</c> by the exporter itself), or
/// the Functions host has <c>APPLICATIONINSIGHTS_CONNECTION_STRING</c>.
/// </summary>
public sealed class TelemetryOptions
{
    public const string Section = "CourseBot:Telemetry";

    /// <summary>The OTLP/gRPC collector address, e.g. <c>http://127.0.0.1:4317</c>. Default: none (the variable above, if set).</summary>
    public Uri? OtlpEndpoint { get; set; }

    /// <summary>How often the queue gauges (depth, oldest age) query the store while exporting. Default: 15 seconds.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "01:00:00", ErrorMessage = Section + ":QueueSampleEvery must be from {1} to {2}")]
    public TimeSpan QueueSampleEvery { get; set; } = TimeSpan.FromSeconds(15);
}
