using CourseBot.Core.Telemetry;
using Microsoft.Extensions.DependencyInjection;

namespace CourseBot.Tests.Infrastructure;

/// <summary>The bot's instruments for a class built by hand (no host): on the real meter factory, so they record as in a host.</summary>
internal static class TestTelemetry
{
    public static CourseBotTelemetry Create() =>
        new(new ServiceCollection().AddMetrics().BuildServiceProvider().GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>());
}
