using System.Globalization;
using System.Security.Cryptography;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace CourseBot.Core.GitHub;

/// <summary>
/// The App's own credential: an RS256 JWT with <c>iat</c> 60 s in the past (GitHub's clock may lag)
/// and <c>exp</c> 9 minutes ahead (GitHub's limit is 10). Reused until a minute before it expires.
/// Written and signed by Microsoft.IdentityModel's <see cref="JsonWebTokenHandler"/>; the times come from the
/// <see cref="TimeProvider"/>, never the library's own clock.
/// </summary>
public sealed class GitHubAppJwt : IDisposable
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(9);
    private readonly string _appId;
    private readonly RSA _key;
    private readonly SigningCredentials _signing;
    private readonly JsonWebTokenHandler _tokens = new() { SetDefaultTimesOnTokenCreation = false };
    private readonly TimeProvider _time;
    private readonly Lock _lock = new();
    private (string Token, DateTimeOffset Expires)? _current;

    public GitHubAppJwt(GitHubAppOptions options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        _appId = options.AppId.ToString(CultureInfo.InvariantCulture);
        _time = time;
        _key = RSA.Create();
        _key.ImportFromPem(options.PrivateKey);
        _signing = new SigningCredentials(new RsaSecurityKey(_key), SecurityAlgorithms.RsaSha256);
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

            var expires = now + Lifetime;
            var token = _tokens.CreateToken(new SecurityTokenDescriptor
            {
                Issuer = _appId,
                IssuedAt = now.AddSeconds(-60).UtcDateTime,
                Expires = expires.UtcDateTime,
                SigningCredentials = _signing,
            });
            _current = (token, expires);
            return token;
        }
    }

    public void Dispose() => _key.Dispose();
}
