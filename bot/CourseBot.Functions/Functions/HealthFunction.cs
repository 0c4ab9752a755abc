using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace CourseBot.Functions.Functions;

/// <summary>
/// <c>GET /api/healthz</c>: live, the worker answers. It asks nothing of the store or GitHub (that is
/// <c>/api/readyz</c>).
/// </summary>
public static class HealthFunction
{
    [Function("healthz")]
    public static IActionResult Run([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "healthz")] HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return new ContentResult { Content = "ok", ContentType = "text/plain", StatusCode = StatusCodes.Status200OK };
    }
}
