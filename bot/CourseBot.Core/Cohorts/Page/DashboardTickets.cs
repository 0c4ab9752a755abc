using System.Globalization;
using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace CourseBot.Core.Cohorts.Page;

/// <summary>
/// Seals what the dashboard's cookies carry (a login, or a sign-in's <c>state</c>) with ASP.NET Data Protection: encrypted and
/// authenticated, so a cookie the browser changed, or one sealed for the other purpose, opens to nothing. The expiry is inside
/// the seal and read on the bot's clock, so a cookie kept past its time is refused whatever the browser does with Max-Age.
/// </summary>
public sealed class DashboardTickets(IDataProtectionProvider protection, TimeProvider time)
{
    private readonly IDataProtector _session = protection.CreateProtector("CourseBot.Dashboard.Session.v1");
    private readonly IDataProtector _state = protection.CreateProtector("CourseBot.Dashboard.SignInState.v1");

    public string SealSession(string login, TimeSpan lifetime) => Seal(_session, login, lifetime);

    /// <summary>The login a valid, unexpired session cookie holds; null for anything else.</summary>
    public string? OpenSession(string? cookie) => Open(_session, cookie);

    public string SealState(string state, TimeSpan lifetime) => Seal(_state, state, lifetime);

    public string? OpenState(string? cookie) => Open(_state, cookie);

    private string Seal(IDataProtector protector, string value, TimeSpan lifetime)
    {
        var expires = time.GetUtcNow().Add(lifetime).ToUnixTimeSeconds();
        return protector.Protect(expires.ToString(CultureInfo.InvariantCulture) + "\n" + value);
    }

    private string? Open(IDataProtector protector, string? cookie)
    {
        if (string.IsNullOrEmpty(cookie))
        {
            return null;
        }

        string text;
        try
        {
            text = protector.Unprotect(cookie);
        }
        catch (CryptographicException)
        {
            return null; // tampered, sealed with a key this bot does not hold, or for another purpose
        }

        var newline = text.IndexOf('\n', StringComparison.Ordinal);
        return newline > 0
            && long.TryParse(text.AsSpan(0, newline), NumberStyles.None, CultureInfo.InvariantCulture, out var expires)
            && time.GetUtcNow().ToUnixTimeSeconds() < expires
            ? text[(newline + 1)..]
            : null;
    }
}
