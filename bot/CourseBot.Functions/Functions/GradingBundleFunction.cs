using CourseBot.Core.LabGrading;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace CourseBot.Functions.Functions;

/// <summary><c>GET /api/grading/bundle</c>: checks and hidden tests for a verified run of the course's grading workflow.</summary>
public sealed class GradingBundleFunction(GradingBundleEndpoint endpoint)
{
    [Function("grading-bundle")]
    public async Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "grading/bundle")] HttpRequest request,
        CancellationToken cancel
    )
    {
        ArgumentNullException.ThrowIfNull(request);
        var header = request.Headers.Authorization.ToString();
        var response = await endpoint.HandleAsync(header.Length > 0 ? header : null, cancel).ConfigureAwait(false);
        return response.Bundle is { } bundle
            ? new JsonResult(bundle)
            : new JsonResult(new { error = response.Error }) { StatusCode = response.Status };
    }
}
