namespace CourseBot.Cli.Serve;

/// <summary>
/// The setup routes, mapped only when the bot starts without an App. Each answers 404 as soon as
/// the secrets file exists, and asks for the console's one-time code before anything else.
/// </summary>
internal static class SetupEndpoints
{
    private const string HtmlType = "text/html; charset=utf-8";

    public static void MapSetup(this IEndpointRouteBuilder app, string? publicUrl)
    {
        app.MapGet("/setup", (HttpRequest request, AppSetup setup, SetupAccess access, string? org) =>
        {
            if (!setup.IsOpen)
            {
                return Results.NotFound();
            }

            var session = request.Cookies[SetupAccess.CookieName];
            return access.IsSession(session)
                ? Results.Content(setup.Page(PublicUrl(request, publicUrl), org, session!), HtmlType)
                : Results.Content(AppSetup.CodePage(wrong: false), HtmlType);
        });
        app.MapPost("/setup", async (HttpRequest request, AppSetup setup, SetupAccess access, CancellationToken cancel) =>
        {
            if (!setup.IsOpen)
            {
                return Results.NotFound();
            }

            var form = request.HasFormContentType ? await request.ReadFormAsync(cancel).ConfigureAwait(false) : null;
            if (access.Open(form?["code"].ToString()) is not { } session)
            {
                return Results.Content(AppSetup.CodePage(wrong: true), HtmlType, statusCode: StatusCodes.Status403Forbidden);
            }

            // Lax: GitHub's redirect back to /setup/callback is a top-level navigation, which carries the cookie.
            request.HttpContext.Response.Cookies.Append(SetupAccess.CookieName, session, new CookieOptions
            {
                HttpOnly = true, SameSite = SameSiteMode.Lax, Secure = request.IsHttps, Path = "/setup", MaxAge = TimeSpan.FromMinutes(30),
            });
            return Results.Redirect("/setup");
        });
        app.MapGet("/setup/callback", async (
            HttpRequest request, AppSetup setup, SetupAccess access, string? code, string? state, CancellationToken cancel) =>
        {
            if (!setup.IsOpen)
            {
                return Results.NotFound();
            }

            var session = request.Cookies[SetupAccess.CookieName];
            if (!access.IsSession(session))
            {
                return Results.Content(AppSetup.CodePage(wrong: false), HtmlType, statusCode: StatusCodes.Status403Forbidden);
            }

            using var http = new HttpClient();
            http.DefaultRequestHeaders.UserAgent.ParseAdd("coursebot-setup");
            http.DefaultRequestHeaders.Accept.ParseAdd("application/vnd.github+json");
            var (status, html) = await setup.CompleteAsync(code, state, session!, http, cancel).ConfigureAwait(false);
            return Results.Content(html, HtmlType, statusCode: status);
        });
    }

    private static Uri PublicUrl(HttpRequest request, string? configured) =>
        configured is { Length: > 0 } ? new Uri(configured) : new Uri($"{request.Scheme}://{request.Host}/");
}
