using System.Security.Cryptography;
using System.Text;

namespace CourseBot.Core.Journey.Sync;

/// <summary>A short fingerprint of what the bot wrote, to tell "unchanged" without asking GitHub.</summary>
public static class ContentHash
{
    public static string Of(params string?[] parts)
    {
        var joined = string.Join('\u001f', parts.Select(p => p ?? ""));
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(joined)))[..20];
    }
}
