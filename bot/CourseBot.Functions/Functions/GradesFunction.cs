using CourseBot.Core.LabGrading;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace CourseBot.Functions.Functions;

/// <summary><c>POST /api/grades</c>: a verified grading run's result, appended to the learner's history.</summary>
public sealed class GradesFunction(GradeIntakeEndpoint endpoint)
{
    [Function("grades")]
    public async Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "grades")] HttpRequest request,
        CancellationToken cancel
    )
    {
        ArgumentNullException.ThrowIfNull(request);
        var header = request.Headers.Authorization.ToString();
        var response = await endpoint.HandleAsync(header.Length > 0 ? header : null, request.Body, cancel).ConfigureAwait(false);
        return new JsonResult(
            response.Status == StatusCodes.Status201Created ? new { status = response.Message } : new { error = response.Message }
        )
        {
            StatusCode = response.Status,
        };
    }
}
