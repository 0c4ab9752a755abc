using CourseBot.Core.LabGrading;

namespace CourseBot.Cli.Serve;

/// <summary>The grading Action's endpoints on the local host (the Functions host maps the same core handlers).</summary>
internal static class GradingEndpoints
{
    public static void MapGrading(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/grading/bundle", async (HttpRequest request, GradingBundleEndpoint endpoint, CancellationToken cancel) =>
        {
            var response = await endpoint
                .HandleAsync(request.Headers.Authorization.ToString() is { Length: > 0 } header ? header : null, cancel)
                .ConfigureAwait(false);
            return response.Bundle is { } bundle
                ? Results.Json(bundle, GradingBundleJsonContext.Default.GradingBundle)
                : Results.Json(new ErrorBody(response.Error ?? "refused"), ErrorJsonContext.Default.ErrorBody, statusCode: response.Status);
        });

        app.MapPost("/api/grades", async (HttpRequest request, GradeIntakeEndpoint endpoint, CancellationToken cancel) =>
        {
            var header = request.Headers.Authorization.ToString();
            var response = await endpoint.HandleAsync(header.Length > 0 ? header : null, request.Body, cancel).ConfigureAwait(false);
            return response.Status == StatusCodes.Status201Created
                ? Results.Json(new StatusBody(response.Message), ErrorJsonContext.Default.StatusBody, statusCode: response.Status)
                : Results.Json(new ErrorBody(response.Message), ErrorJsonContext.Default.ErrorBody, statusCode: response.Status);
        });
    }
}
