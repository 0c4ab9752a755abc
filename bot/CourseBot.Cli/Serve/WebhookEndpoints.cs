using CourseBot.Core.Webhooks;

namespace CourseBot.Cli.Serve;

/// <summary>The webhook URL of the GitHub App: stores, then acknowledges; the queue worker processes.</summary>
internal static class WebhookEndpoints
{
    public const string Path = "/api/github/webhooks";

    public static void MapWebhooks(this IEndpointRouteBuilder app)
    {
        app.MapPost(Path, async (HttpRequest request, WebhookIngress ingress, CancellationToken cancel) =>
        {
            var headers = request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
            var result = await ingress
                .AcceptAsync(new IngressRequest(headers, request.ContentLength, request.Body), cancel)
                .ConfigureAwait(false);
            return result.Status == StatusCodes.Status202Accepted
                ? Results.Json(new StatusBody(result.Message), ErrorJsonContext.Default.StatusBody, statusCode: result.Status)
                : Results.Json(new ErrorBody(result.Message), ErrorJsonContext.Default.ErrorBody, statusCode: result.Status);
        });
    }
}
