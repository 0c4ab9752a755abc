using CourseBot.Core.Cohorts.Page;

namespace CourseBot.Cli.Serve;

/// <summary><c>/dashboard</c> on the local host: the core's <see cref="DashboardEndpoint"/>, mapped as on Functions.</summary>
internal static class DashboardEndpoints
{
    public static void MapDashboard(this IEndpointRouteBuilder app)
    {
        app.MapGet("/dashboard", (HttpContext context, DashboardEndpoint endpoint) => HandleAsync(context, endpoint, ""));
        app.MapGet("/dashboard/{page}", (HttpContext context, DashboardEndpoint endpoint, string page) =>
            HandleAsync(context, endpoint, page));
    }

    private static async Task HandleAsync(HttpContext context, DashboardEndpoint endpoint, string page)
    {
        var request = context.Request;
        var root = new Uri($"{request.Scheme}://{request.Host}{request.PathBase}/dashboard");
        var response = await endpoint.HandleAsync(new DashboardRequest(
            page,
            request.Query.ToDictionary(q => q.Key, q => q.Value.ToString(), StringComparer.Ordinal),
            request.Cookies.ToDictionary(c => c.Key, c => c.Value, StringComparer.Ordinal),
            root), context.RequestAborted).ConfigureAwait(false);
        await WriteAsync(context.Response, response).ConfigureAwait(false);
    }

    internal static async Task WriteAsync(HttpResponse http, DashboardResponse response)
    {
        http.StatusCode = response.Status;
        foreach (var (name, value) in DashboardResponse.Headers)
        {
            http.Headers[name] = value;
        }

        foreach (var cookie in response.Cookies)
        {
            http.Cookies.Append(cookie.Name, cookie.Value, new CookieOptions
            {
                HttpOnly = true, Secure = cookie.Secure, SameSite = SameSiteMode.Lax, Path = "/", MaxAge = cookie.MaxAge,
                IsEssential = true,
            });
        }

        if (response.Location is { } location)
        {
            http.Headers.Location = location.AbsoluteUri;
        }

        http.ContentType = response.ContentType;
        await http.WriteAsync(response.Body).ConfigureAwait(false);
    }
}
