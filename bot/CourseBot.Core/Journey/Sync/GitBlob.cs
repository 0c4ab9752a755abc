using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace CourseBot.Core.Journey.Sync;

/// <summary>
/// The git object id of a file's content, as GitHub computes it: removing a file with the Contents API names its blob sha,
/// and the bot can know it from what it wrote without asking.
/// </summary>
public static class GitBlob
{
    public static string Sha(string content)
    {
        ArgumentNullException.ThrowIfNull(content);
        var body = Encoding.UTF8.GetBytes(content);
        var header = Encoding.ASCII.GetBytes(string.Create(CultureInfo.InvariantCulture, $"blob {body.Length}\0"));
#pragma warning disable CA5350 // git names objects by SHA-1; this is an identifier GitHub checks, not a security measure
        return Convert.ToHexStringLower(SHA1.HashData([.. header, .. body]));
#pragma warning restore CA5350
    }
}
