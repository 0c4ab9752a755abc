using System.Security.Cryptography;
using System.Text;

namespace CourseBot.Core.Publishing;

/// <summary>Git's object name for a file's content, to compare with a tree's entries without reading blobs.</summary>
public static class GitBlob
{
    // Git names objects by SHA-1 of "blob size\0content"; this is an identifier, not a security measure.
#pragma warning disable CA5350
    public static string Sha(byte[] content)
    {
        ArgumentNullException.ThrowIfNull(content);
        return Convert.ToHexStringLower(SHA1.HashData([.. Encoding.ASCII.GetBytes($"blob {content.Length}\0"), .. content]));
    }
#pragma warning restore CA5350
}
