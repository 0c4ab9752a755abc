using CourseBot.Core.Telemetry;

namespace CourseBot.Cli.Serve;

/// <summary>
/// <c>/readyz</c>: 200 when the store and GitHub answer, else 503 with a JSON body naming what failed. The liveness
/// probe, <c>/healthz</c>, is the catalog's: it answers while the process does.
/// </summary>
internal static class HealthEndpoints
{
    public const string ReadinessPath = "/readyz";

    public static void MapReadiness(this IEndpointRouteBuilder app)
    {
        app.MapGet(ReadinessPath, async (ReadinessProbe probe, CancellationToken cancel) =>
        {
            var report = await probe.CheckAsync(cancel).ConfigureAwait(false);
            return Results.Json(report, ReadinessJsonContext.Default.ReadinessReport, statusCode: report.HttpStatus);
        });
    }
}
