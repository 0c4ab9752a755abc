using System.Collections.Concurrent;
using System.Globalization;

namespace CourseBot.GitHubEmulator;

/// <summary>GitHub's content-creation limits, per installation, when <see cref="EmulatorOptions.EnforceContentCreationLimits"/>.</summary>
public sealed partial class GitHubEmulator
{
    private readonly ConcurrentDictionary<string, ContentCreationWindow> _windows = new(StringComparer.Ordinal);
    private int _secondaryLimitErrors;

    /// <summary>Content-creating requests refused with a secondary rate limit (the limits, or injected ones).</summary>
    public int SecondaryLimitErrors => Volatile.Read(ref _secondaryLimitErrors);

    /// <summary>When each content-creating request the limits let through arrived (emulator clock), in arrival order.</summary>
    public ConcurrentQueue<DateTimeOffset> ContentCreations { get; } = new();

    private IResult? RefuseContentCreation(HttpContext context, string token, DateTimeOffset now)
    {
        // GitHub counts an App's creations per installation, whichever of its tokens made them.
        var key = State.Tokens.TryGetValue(token, out var entry) ? $"installation {entry.Installation}" : $"token {token}";
        var window = _windows.GetOrAdd(
            key, _ => new ContentCreationWindow(Options.ContentCreationPerMinute, Options.ContentCreationPerHour));
        if (window.TryCreate(now) is not { } wait)
        {
            ContentCreations.Enqueue(now);
            return null;
        }

        Interlocked.Increment(ref _secondaryLimitErrors);
        Calls.AddOrUpdate("secondary-limit", 1, (_, n) => n + 1);
        var seconds = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
        context.Response.Headers["retry-after"] = seconds.ToString(CultureInfo.InvariantCulture);
        _retryAfter[token] = now + TimeSpan.FromSeconds(seconds) - TimeSpan.FromMilliseconds(50);
        return Results.Json(
            Shapes.Error("You have exceeded a secondary rate limit. Please wait a few minutes before you try again."),
            statusCode: 403
        );
    }
}
