using CourseBot.Core.Webhooks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace CourseBot.Functions.Functions;

/// <summary><c>POST /api/github/webhooks</c>: verify, store, enqueue, then 202 (processing happens in <see
/// cref="DeliveryFunction"/>).</summary>
public sealed class WebhookFunction(WebhookIngress ingress)
{
    [Function("github-webhooks")]
    public async Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "github/webhooks")] HttpRequest request,
        CancellationToken cancel
    )
    {
        ArgumentNullException.ThrowIfNull(request);
        var headers = request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        var result = await ingress
            .AcceptAsync(new IngressRequest(headers, request.ContentLength, request.Body), cancel)
            .ConfigureAwait(false);
        return new JsonResult(
            result.Status == StatusCodes.Status202Accepted ? new { status = result.Message } : new { error = result.Message }
        )
        {
            StatusCode = result.Status,
        };
    }
}
