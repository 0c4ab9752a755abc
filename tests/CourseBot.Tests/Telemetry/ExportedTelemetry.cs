using System.Diagnostics;
using CourseBot.Core.Telemetry;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace CourseBot.Tests.Telemetry;

/// <summary>
/// An in-memory exporter added to a host's own OpenTelemetry providers (so the host's wiring decides what is
/// listened to), and readers for what it caught.
/// </summary>
internal sealed class ExportedTelemetry
{
    public List<Activity> Spans { get; } = [];

    public List<MetricSnapshot> Metrics { get; } = [];

    /// <summary>Adds the exporter to the providers the host registers (it registers none without an exporter configured).</summary>
    public void AddTo(IServiceCollection services)
    {
        services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddInMemoryExporter(Spans));
        services.ConfigureOpenTelemetryMeterProvider(metrics => metrics.AddInMemoryExporter(Metrics));
    }

    /// <summary>
    /// Exports what the host's providers hold now (metrics are otherwise read once a minute). The flush reports
    /// failure, because the host's OTLP exporter has no collector to reach; the in-memory one has taken its copy.
    /// </summary>
    public void Flush(IServiceProvider host)
    {
        host.GetRequiredService<TracerProvider>().ForceFlush(5000);
        Metrics.Clear();
        host.GetRequiredService<MeterProvider>().ForceFlush(5000);
    }

    /// <summary>The points of <paramref name="name"/> whose tags include every one of <paramref name="tags"/>.</summary>
    public List<MetricPoint> Points(string name, params (string Key, object Value)[] tags)
    {
        var points = new List<MetricPoint>();
        foreach (var metric in Metrics.Where(m => m.Name == name && m.MeterName == CourseBotTelemetry.Name))
        {
            foreach (var point in metric.MetricPoints)
            {
                var have = new Dictionary<string, object?>(StringComparer.Ordinal);
                foreach (var tag in point.Tags)
                {
                    have[tag.Key] = tag.Value;
                }

                if (tags.All(t => have.TryGetValue(t.Key, out var v) && Equals(v?.ToString(), t.Value.ToString())))
                {
                    points.Add(point);
                }
            }
        }

        return points;
    }

    /// <summary>The sum of a counter's points with <paramref name="tags"/>.</summary>
    public long Sum(string name, params (string Key, object Value)[] tags) =>
        Points(name, tags).Sum(p => p.GetSumLong());

    /// <summary>How many values a histogram recorded with <paramref name="tags"/>.</summary>
    public long Count(string name, params (string Key, object Value)[] tags) =>
        Points(name, tags).Sum(p => p.GetHistogramCount());
}
