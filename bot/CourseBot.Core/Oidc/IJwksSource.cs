using System.Security.Cryptography;

namespace CourseBot.Core.Oidc;

/// <summary>The issuer's signing keys by key id.</summary>
public interface IJwksSource
{
    /// <summary>The key with id <paramref name="keyId"/>; refreshes the cache once when the id is unknown (keys rotate).</summary>
    Task<RSA?> FindKeyAsync(string keyId, CancellationToken cancel);
}
