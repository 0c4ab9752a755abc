namespace CourseBot.GitHubEmulator;

/// <summary>What the emulator injects and enforces. Limits follow GitHub's documented figures, on the emulator's clock.</summary>
public sealed class EmulatorOptions
{
    /// <summary>How long a repository generated from a template has no contents (404/409 until then), as on GitHub.</summary>
    public TimeSpan GenerationDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Share of requests answered 502 (0 to 1).</summary>
    public double ServerErrorRate { get; set; }

    /// <summary>Share of content-creating requests answered with a secondary rate limit (403 or 429 with retry-after).</summary>
    public double SecondaryLimitRate { get; set; }

    public TimeSpan SecondaryRetryAfter { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Extra latency on every request.</summary>
    public TimeSpan Latency { get; set; }

    /// <summary>Latency by kind of call, with jitter (<see cref="LatencyProfile.Typical"/>), after <see cref="Latency"/>.</summary>
    public LatencyProfile? Latencies { get; set; }

    /// <summary>Primary limit per installation token per hour (GitHub: 5,000).</summary>
    public int RequestsPerHour { get; set; } = 5000;

    /// <summary>Content-creating requests per minute per token before a secondary limit (GitHub: about 80).</summary>
    public int ContentCreationPerMinute { get; set; } = 80;

    /// <summary>
    /// Enforce GitHub's content-creation limits per installation (<see cref="ContentCreationPerMinute"/> a minute and
    /// <see cref="ContentCreationPerHour"/> an hour, sliding windows) and answer as GitHub does: 403, the secondary-limit
    /// message and a retry-after. Off by default: the hourly limit would hold up tests that create more than that.
    /// Off, only the per-minute figure applies, per token.
    /// </summary>
    public bool EnforceContentCreationLimits { get; set; }

    /// <summary>Content-creating requests per hour per installation when the limits are enforced (GitHub: 500).</summary>
    public int ContentCreationPerHour { get; set; } = 500;

    public int Seed { get; set; } = 42;

    /// <summary>The App's OAuth client id, which <c>/login/oauth/*</c> accept (GitHub App client ids start <c>Iv</c>).</summary>
    public string OAuthClientId { get; set; } = "Iv23liEmulatorApp01";

    /// <summary>The App's OAuth client secret the code exchange must present.</summary>
    public string OAuthClientSecret { get; set; } = "emulator-oauth-client-secret";
}
