using CourseBot.Core.Telemetry;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace CourseBot.Functions.Functions;

/// <summary><c>GET /api/readyz</c>: 200 when the Azure store and GitHub answer, else 503 naming what failed.</summary>
public sealed class ReadinessFunction(ReadinessProbe probe)
{
    [Function("readyz")]
    public async Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "readyz")] HttpRequest request, CancellationToken cancel)
    {
        ArgumentNullException.ThrowIfNull(request);
        var report = await probe.CheckAsync(cancel).ConfigureAwait(false);
        return new JsonResult(report, ReadinessJsonContext.Default.Options) { StatusCode = report.HttpStatus };
    }
}
