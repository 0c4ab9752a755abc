using CourseBot.Core.Cohorts.Page;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace CourseBot.Functions.Functions;

/// <summary>
/// <c>GET /api/dashboard</c> (and its <c>callback</c>, <c>signout</c> and static files): the core's <see cref="DashboardEndpoint"/>,
/// as <c>coursebot serve</c> maps it at <c>/dashboard</c>. The App's OAuth callback URL is this one's <c>/callback</c>.
/// </summary>
public sealed class DashboardFunction(DashboardEndpoint endpoint)
{
    [Function("dashboard")]
    public async Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "dashboard/{page?}")] HttpRequest request,
        string? page,
        CancellationToken cancel)
    {
        ArgumentNullException.ThrowIfNull(request);
        // The page's own address as the browser reached it: the route prefix (api/ by default) is kept.
        var path = request.Path.Value ?? "";
        var at = path.LastIndexOf("/dashboard", StringComparison.Ordinal);
        var root = new Uri($"{request.Scheme}://{request.Host}{request.PathBase}{(at < 0 ? "/api/dashboard" : path[..(at + 10)])}");
        var response = await endpoint.HandleAsync(new DashboardRequest(
            page ?? "",
            request.Query.ToDictionary(q => q.Key, q => q.Value.ToString(), StringComparer.Ordinal),
            request.Cookies.ToDictionary(c => c.Key, c => c.Value, StringComparer.Ordinal),
            root), cancel).ConfigureAwait(false);
        var http = request.HttpContext.Response;
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

        return new ContentResult { StatusCode = response.Status, ContentType = response.ContentType, Content = response.Body };
    }
}
