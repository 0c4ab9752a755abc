using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace CourseBot.Core.GitHub;

/// <summary>
/// The App's own credential: an RS256 JWT with <c>iat</c> 60 s in the past (GitHub's clock may lag)
/// and <c>exp</c> 9 minutes ahead (GitHub's limit is 10). Reused until a minute before it expires.
/// </summary>
public sealed class GitHubAppJwt : IDisposable
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(9);
    private readonly long _appId;
    private readonly RSA _key;
    private readonly TimeProvider _time;
    private readonly Lock _lock = new();
    private (string Token, DateTimeOffset Expires)? _current;

    public GitHubAppJwt(GitHubAppOptions options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        _appId = options.AppId;
        _time = time;
        _key = RSA.Create();
        _key.ImportFromPem(options.PrivateKey);
    }

    public string Create()
    {
        lock (_lock)
        {
            var now = _time.GetUtcNow();
            if (_current is { } current && current.Expires - now > TimeSpan.FromMinutes(1))
            {
                return current.Token;
            }

            var issued = now.AddSeconds(-60);
            var expires = now + Lifetime;
            var header = Base64Url("""{"alg":"RS256","typ":"JWT"}"""u8);
            var payload = Base64Url(JsonSerializer.SerializeToUtf8Bytes(new JwtClaims(issued.ToUnixTimeSeconds(), expires.ToUnixTimeSeconds(), _appId.ToString(System.Globalization.CultureInfo.InvariantCulture)), GitHubJsonContext.Default.JwtClaims));
            var signature = _key.SignData(Encoding.ASCII.GetBytes(header + "." + payload), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            var token = header + "." + payload + "." + Base64Url(signature);
            _current = (token, expires);
            return token;
        }
    }

    public void Dispose() => _key.Dispose();

    private static string Base64Url(ReadOnlySpan<byte> bytes) => System.Buffers.Text.Base64Url.EncodeToString(bytes);
}

internal sealed record JwtClaims(long Iat, long Exp, string Iss);

internal sealed record InstallationTokenResponse(string Token, DateTimeOffset ExpiresAt);

[System.Text.Json.Serialization.JsonSourceGenerationOptions(PropertyNamingPolicy = System.Text.Json.Serialization.JsonKnownNamingPolicy.SnakeCaseLower)]
[System.Text.Json.Serialization.JsonSerializable(typeof(JwtClaims))]
[System.Text.Json.Serialization.JsonSerializable(typeof(InstallationTokenResponse))]
internal sealed partial class GitHubJsonContext : System.Text.Json.Serialization.JsonSerializerContext;
