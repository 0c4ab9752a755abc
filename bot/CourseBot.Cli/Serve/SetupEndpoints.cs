namespace CourseBot.Cli.Serve;

internal static class SetupEndpoints
{
    public static void MapSetup(this IEndpointRouteBuilder app, string? publicUrl)
    {
        app.MapGet("/setup", (HttpRequest request, AppSetup setup, string? org) =>
        {
            var url = publicUrl is { Length: > 0 } ? new Uri(publicUrl) : new Uri($"{request.Scheme}://{request.Host}/");
            return Results.Content(setup.Page(url, org), "text/html; charset=utf-8");
        });
        app.MapGet("/setup/callback", async (AppSetup setup, string? code, string? state, CancellationToken cancel) =>
        {
            using var http = new HttpClient();
            http.DefaultRequestHeaders.UserAgent.ParseAdd("coursebot-setup");
            http.DefaultRequestHeaders.Accept.ParseAdd("application/vnd.github+json");
            var (status, html) = await setup.CompleteAsync(code, state, http, cancel).ConfigureAwait(false);
            return Results.Content(html, "text/html; charset=utf-8", statusCode: status);
        });
    }
}
