using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using CourseBot.Core.GitHub;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace CourseBot.Tests.GitHub;

/// <summary>The App's JWT and installation tokens, through the real Octokit client over HTTP.</summary>
public sealed class GitHubAppAuthTests : IDisposable
{
    private readonly RSA _key = RSA.Create(2048);
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 25, 12, 0, 0, TimeSpan.Zero));

    public void Dispose() => _key.Dispose();

    [Fact]
    public void Jwt_HasIatInThePast_ExpWithinTenMinutes_AndVerifies()
    {
        using var jwt = new GitHubAppJwt(new GitHubAppOptions { AppId = 4242, PrivateKey = _key.ExportPkcs8PrivateKeyPem() }, _time);
        var token = jwt.Create();
        var parts = token.Split('.');
        var claims = JsonDocument.Parse(System.Buffers.Text.Base64Url.DecodeFromChars(parts[1])).RootElement;
        var now = _time.GetUtcNow().ToUnixTimeSeconds();
        Assert.Equal(now - 60, claims.GetProperty("iat").GetInt64());
        Assert.Equal(now + 540, claims.GetProperty("exp").GetInt64());
        Assert.Equal("4242", claims.GetProperty("iss").GetString());
        Assert.True(
            _key.VerifyData(
                Encoding.ASCII.GetBytes(parts[0] + "." + parts[1]),
                System.Buffers.Text.Base64Url.DecodeFromChars(parts[2]),
                HashAlgorithmName.SHA256,
                RSASignaturePadding.Pkcs1
            )
        );
        Assert.Equal(token, jwt.Create()); // reused while fresh
        _time.Advance(TimeSpan.FromMinutes(8.5));
        Assert.NotEqual(token, jwt.Create());
    }

    [Fact]
    public async Task InstallationClient_FetchesAnOpaqueToken_CachesIt_AndRefreshesNearExpiry()
    {
        await using var github = await ScriptedGitHub.StartAsync();
        var longToken = "ghs_" + new string('x', 516); // newer tokens are about 520 characters
        github.Then(201, body: $$"""{"token":"{{longToken}}","expires_at":"{{_time.GetUtcNow().AddHours(1):O}}"}""");
        using var factory = new GitHubClientFactory(
            new GitHubAppOptions { AppId = 7, PrivateKey = _key.ExportPkcs8PrivateKeyPem(), ApiBaseUrl = github.BaseAddress },
            new GitHubResilienceOptions { ContentCreationSpacing = TimeSpan.Zero },
            _time,
            NullLoggerFactory.Instance);

        var client = factory.ForInstallation(99);
        var user = await client.User.Current();
        await client.User.Current();
        Assert.Equal("octocat", user.Login);
        Assert.Equal(1, factory.Tokens.Fetched);
        var requests = github.Requests.ToArray();
        var auth = github.Authorizations.ToArray();
        Assert.Equal(("POST", "/app/installations/99/access_tokens"), (requests[0].Method, requests[0].Path));
        Assert.StartsWith("Bearer ey", auth[0], StringComparison.Ordinal);
        Assert.Equal("Bearer " + longToken, auth[1]);

        _time.Advance(TimeSpan.FromMinutes(56)); // within five minutes of expiry: refresh
        github.Then(201, body: $$"""{"token":"ghs_second","expires_at":"{{_time.GetUtcNow().AddHours(1):O}}"}""");
        await client.User.Current();
        Assert.Equal(2, factory.Tokens.Fetched);
        Assert.Equal("Bearer ghs_second", github.Authorizations.Last());
    }
}
