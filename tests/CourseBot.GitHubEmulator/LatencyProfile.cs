namespace CourseBot.GitHubEmulator;

/// <summary>
/// How long the emulator takes to answer, by kind of call, drawn uniformly between a minimum and a maximum from a seeded
/// generator (the same seed gives the same delays in the same order). <see cref="Typical"/> is github.com as an App
/// sees it from a European or US data centre: GitHub publishes no latency figures, so these are assumed from the
/// order of magnitude commonly observed (reads a few hundred milliseconds, writes that create a commit slower).
/// </summary>
public sealed class LatencyProfile(int seed = 7)
{
    private readonly Random _random = new(seed);

    /// <summary>GET and HEAD.</summary>
    public (TimeSpan Min, TimeSpan Max) Read { get; init; }

    /// <summary>Writes that change issues, comments, labels, milestones, members (POST, PATCH, PUT, DELETE).</summary>
    public (TimeSpan Min, TimeSpan Max) Write { get; init; }

    /// <summary>Writes that make a commit or move a ref: the Contents API and the Git Data API.</summary>
    public (TimeSpan Min, TimeSpan Max) GitWrite { get; init; }

    /// <summary>An installation access token (<c>POST /app/installations/{id}/access_tokens</c>).</summary>
    public (TimeSpan Min, TimeSpan Max) Token { get; init; }

    /// <summary>Assumed typical github.com figures (reads 100-250 ms, writes 300-600 ms, commits 400-900 ms, tokens 150-350 ms).</summary>
    public static LatencyProfile Typical(int seed = 7) => new(seed)
    {
        Read = (TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(250)),
        Write = (TimeSpan.FromMilliseconds(300), TimeSpan.FromMilliseconds(600)),
        GitWrite = (TimeSpan.FromMilliseconds(400), TimeSpan.FromMilliseconds(900)),
        Token = (TimeSpan.FromMilliseconds(150), TimeSpan.FromMilliseconds(350)),
    };

    /// <summary>The delay for one call to <paramref name="route"/> (<c>METHOD /openapi/path</c>).</summary>
    public TimeSpan Next(string method, string route)
    {
        var (min, max) = method is "GET" or "HEAD" ? Read
            : route.EndsWith("/access_tokens", StringComparison.Ordinal) ? Token
            : route.Contains("/git/", StringComparison.Ordinal) || route.Contains("/contents/", StringComparison.Ordinal) ? GitWrite
            : Write;
        double roll;
        lock (_random)
        {
            roll = _random.NextDouble();
        }

        return min + ((max - min) * roll);
    }
}
