using System.Globalization;

namespace CourseBot.Core.Telemetry;

/// <summary>What GitHub's <c>x-ratelimit-*</c> headers said on one response.</summary>
/// <param name="Resource">The limit's bucket (<c>x-ratelimit-resource</c>: core, search, graphql...; core when absent).</param>
/// <param name="Remaining">Requests left in the window.</param>
/// <param name="Limit">Requests per window.</param>
public sealed record RateLimitReading(string Resource, long Remaining, long Limit)
{
    /// <summary>The reading in <paramref name="headers"/>, or null when they carry no rate limit (a proxy, a fault).</summary>
    public static RateLimitReading? From(System.Net.Http.Headers.HttpResponseHeaders headers)
    {
        ArgumentNullException.ThrowIfNull(headers);
        if (Header(headers, "x-ratelimit-remaining") is not { } remainingText
            || !long.TryParse(remainingText, NumberStyles.Integer, CultureInfo.InvariantCulture, out var remaining))
        {
            return null;
        }

        var limitText = Header(headers, "x-ratelimit-limit");
        var limit = long.TryParse(limitText, NumberStyles.Integer, CultureInfo.InvariantCulture, out var l) ? l : 0;
        var resource = Header(headers, "x-ratelimit-resource") is { Length: > 0 and <= 40 } r ? r : "core";
        return new RateLimitReading(resource, remaining, limit);
    }

    private static string? Header(System.Net.Http.Headers.HttpResponseHeaders headers, string name) =>
        headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;
}
