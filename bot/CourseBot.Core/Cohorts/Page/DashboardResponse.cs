using System.Collections.Immutable;

namespace CourseBot.Core.Cohorts.Page;

/// <summary>What a host sends back: status, body, where to go next, cookies to set, and the page's headers.</summary>
public sealed record DashboardResponse(
    int Status, string ContentType, string Body, Uri? Location, ImmutableArray<DashboardCookie> Cookies)
{
    /// <summary>
    /// Sent with every answer: nothing from another origin, script and styles only from the bot's own files (the page has
    /// no inline script for hostile text to reach), never framed, never cached (the page is personal).
    /// </summary>
    public static IReadOnlyDictionary<string, string> Headers { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["Content-Security-Policy"] = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
        ["Cache-Control"] = "no-store",
        ["X-Content-Type-Options"] = "nosniff",
        ["Referrer-Policy"] = "no-referrer",
    };
}
