using CourseBot.Core.Oidc;
using CourseBot.Tests.Infrastructure;
using Microsoft.Extensions.Time.Testing;
using Moq;

namespace CourseBot.Tests.Hosts;

/// <summary>
/// The verifier on its own clock: lifetime is judged by the <see cref="TimeProvider"/> it is given, not the
/// token library's system clock; the audience is matched exactly. Keys come from a real issuer over HTTP.
/// </summary>
public sealed class GitHubOidcVerifierTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _time = new(TimeProvider.System.GetUtcNow());
    private TestOidcIssuer _issuer = null!;

    public async Task InitializeAsync() => _issuer = await TestOidcIssuer.StartAsync();

    public async Task DisposeAsync() => await _issuer.DisposeAsync();

    [Fact]
    public async Task Lifetime_IsJudgedOnTheVerifiersClock()
    {
        var token = _issuer.Mint("course-org/learner-ada"); // valid for five minutes from now, real time
        using var keys = new HttpJwksSource(new HttpClient(), Options(), _time);
        var verifier = new GitHubOidcVerifier(Options(), keys, Mock.Of<IReplayGuard>(), _time);
        Assert.True((await verifier.VerifyAsync(token, CancellationToken.None)).Succeeded);

        _time.Advance(TimeSpan.FromMinutes(5) + TimeSpan.FromSeconds(61)); // past exp and the 60 s skew
        Assert.Equal(OidcFailure.Expired, (await verifier.VerifyAsync(token, CancellationToken.None)).Failure);

        var before = new FakeTimeProvider(TimeProvider.System.GetUtcNow().AddMinutes(-10)); // before nbf, beyond the skew
        using var earlyKeys = new HttpJwksSource(new HttpClient(), Options(), before);
        var early = await new GitHubOidcVerifier(Options(), earlyKeys, Mock.Of<IReplayGuard>(), before)
            .VerifyAsync(token, CancellationToken.None);
        Assert.Equal((OidcFailure.NotYetValid, "token is not valid yet"), (early.Failure, early.Reason));
    }

    [Fact]
    public async Task Audience_WithATrailingSlash_IsNotTheBotsAudience()
    {
        var token = _issuer.Mint("course-org/learner-ada", c => c["aud"] = TestOidcIssuer.Audience + "/");
        using var keys = new HttpJwksSource(new HttpClient(), Options(), _time);
        var verifier = new GitHubOidcVerifier(Options(), keys, Mock.Of<IReplayGuard>(), _time);
        var result = await verifier.VerifyAsync(token, CancellationToken.None);
        Assert.Equal((OidcFailure.WrongAudience, "audience is not " + TestOidcIssuer.Audience), (result.Failure, result.Reason));
    }

    private OidcOptions Options()
    {
        var options = new OidcOptions { Issuer = _issuer.Issuer, Audience = TestOidcIssuer.Audience };
        options.AllowedWorkflowRefs.Add(TestOidcIssuer.Workflow);
        return options;
    }
}
