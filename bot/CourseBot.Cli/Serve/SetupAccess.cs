using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;

namespace CourseBot.Cli.Serve;

/// <summary>
/// Who may run setup: whoever can read the bot's console. A one-time code, printed there when the bot
/// starts in setup mode, opens a setup session (a random cookie); the manifest flow's state is bound
/// to that session, so a stranger who reaches the bot's URL can neither start the flow nor finish
/// someone else's. Wrong codes are counted: after <see cref="MaxAttempts"/> the code stops working
/// (restart the bot for a new one).
/// </summary>
internal sealed class SetupAccess(TimeProvider time)
{
    public const string CookieName = "coursebot-setup";
    public const int MaxAttempts = 10;
    private static readonly TimeSpan SessionLifetime = TimeSpan.FromMinutes(30);
    private readonly ConcurrentDictionary<string, DateTimeOffset> _sessions = new(StringComparer.Ordinal);
    private int _attempts;

    /// <summary>The code to type into the setup page: 12 letters and digits without look-alikes.</summary>
    public string Code { get; } = RandomNumberGenerator.GetString("ABCDEFGHJKLMNPQRSTUVWXYZ23456789", 12);

    /// <summary>A new session for the right code; null for a wrong one (or once too many were tried).</summary>
    public string? Open(string? code)
    {
        if (Interlocked.Increment(ref _attempts) > MaxAttempts || code is null)
        {
            return null;
        }

        var given = Encoding.UTF8.GetBytes(code.Trim().ToUpperInvariant());
        if (!CryptographicOperations.FixedTimeEquals(given, Encoding.UTF8.GetBytes(Code)))
        {
            return null;
        }

        Interlocked.Exchange(ref _attempts, 0);
        var session = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
        _sessions[session] = time.GetUtcNow() + SessionLifetime;
        return session;
    }

    /// <summary>Whether <paramref name="session"/> (the cookie's value) is a live setup session.</summary>
    public bool IsSession(string? session) =>
        session is not null && _sessions.TryGetValue(session, out var until) && until > time.GetUtcNow();
}
