using System.Security.Cryptography;
using System.Text.Json;

namespace CourseBot.Core.Oidc;

/// <summary>
/// Fetches a JWKS document over HTTPS (or loopback HTTP in tests) and caches it; an unknown key id (a rotation) fetches it
/// again, at most every 30 s, measured on the injected <see cref="TimeProvider"/>.
/// </summary>
/// <remarks>
/// Kept rather than Microsoft.IdentityModel.Protocols' <c>ConfigurationManager</c> (checked at 8.23.0): its documented API
/// takes no <see cref="TimeProvider"/> (its refresh rule reads <c>DateTimeOffset.Now</c>), so the 30 s rule could not run on
/// ours, nor be tested with <c>FakeTimeProvider</c>; and its <c>RequestRefresh</c> fetches in the background unless the process-wide
/// switch <c>Switch.Microsoft.IdentityModel.UpdateConfigAsBlocking</c> is set, so the first token signed with a new key
/// would be refused instead of verified after one fetch. Signature checks themselves are the library's
/// (<see cref="GitHubOidcVerifier"/>).
/// </remarks>
public sealed class HttpJwksSource(HttpClient http, OidcOptions options, TimeProvider time) : IJwksSource, IDisposable
{
    private static readonly TimeSpan MinRefreshInterval = TimeSpan.FromSeconds(30);
    private readonly SemaphoreSlim _lock = new(1, 1);
    private Dictionary<string, RSA> _keys = new(StringComparer.Ordinal);
    private DateTimeOffset _fetched = DateTimeOffset.MinValue;

    public async Task<RSA?> FindKeyAsync(string keyId, CancellationToken cancel)
    {
        var now = time.GetUtcNow();
        if (_keys.TryGetValue(keyId, out var key) && now - _fetched < options.KeyCacheDuration)
        {
            return key;
        }

        await _lock.WaitAsync(cancel).ConfigureAwait(false);
        try
        {
            // An unknown key id may mean rotation: refetch, but not more often than every 30 s (a forged kid must not drive traffic).
            if ((!_keys.ContainsKey(keyId) && now - _fetched >= MinRefreshInterval) || now - _fetched >= options.KeyCacheDuration)
            {
                _keys = await FetchAsync(cancel).ConfigureAwait(false);
                _fetched = time.GetUtcNow();
            }

            return _keys.GetValueOrDefault(keyId);
        }
        finally
        {
            _lock.Release();
        }
    }

    public void Dispose()
    {
        _lock.Dispose();
        foreach (var key in _keys.Values)
        {
            key.Dispose();
        }
    }

    private async Task<Dictionary<string, RSA>> FetchAsync(CancellationToken cancel)
    {
        using var response = await http.GetAsync(options.ResolvedJwksUri, cancel).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
        await using var body = await response.Content.ReadAsStreamAsync(cancel).ConfigureAwait(false);
        using var document = await JsonDocument.ParseAsync(body, cancellationToken: cancel).ConfigureAwait(false);
        var keys = new Dictionary<string, RSA>(StringComparer.Ordinal);
        foreach (var jwk in document.RootElement.GetProperty("keys").EnumerateArray())
        {
            if (jwk.TryGetProperty("kty", out var kty) && kty.GetString() == "RSA"
                && jwk.TryGetProperty("kid", out var kid) && kid.GetString() is { } id
                && jwk.TryGetProperty("n", out var n) && jwk.TryGetProperty("e", out var e))
            {
                var rsa = RSA.Create();
                rsa.ImportParameters(new RSAParameters
                {
                    Modulus = Base64UrlDecode(n.GetString() ?? ""),
                    Exponent = Base64UrlDecode(e.GetString() ?? ""),
                });
                keys[id] = rsa;
            }
        }

        return keys;
    }

    internal static byte[] Base64UrlDecode(string text) => System.Buffers.Text.Base64Url.DecodeFromChars(text);
}
