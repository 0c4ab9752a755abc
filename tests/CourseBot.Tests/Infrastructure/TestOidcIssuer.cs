using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace CourseBot.Tests.Infrastructure;

/// <summary>
/// A stand-in for GitHub's Actions OIDC issuer: a test key set served over real HTTP on loopback
/// (<c>/.well-known/jwks</c>), and tokens minted with the claims a grading run would carry.
/// </summary>
public sealed class TestOidcIssuer : IAsyncDisposable
{
    public const string Audience = "https://coursebot.test";
    public const string Workflow = "course-org/course/.github/workflows/grade.yml@refs/heads/main";
    public const string KeyId = "test-key-1";

    /// <summary>The ids tokens carry unless a test changes them (EnrolledRepository in the tests records the same).</summary>
    public const long RepositoryId = 4242;
    public const long OwnerId = 1001;

    private readonly RSA _key = RSA.Create(2048);
    private readonly WebApplication _app;

    private TestOidcIssuer(WebApplication app) => _app = app;

    public const string RequestToken = "actions-request-token";

    public string Issuer => _app.Urls.First();

    /// <summary>The repository whose run the Actions token endpoint mints tokens for.</summary>
    public string RunRepository { get; set; } = "course-org/learner-ada";

    public Uri TokenRequestUrl => new(Issuer + "/actions-token?api-version=2.0");

    public static async Task<TestOidcIssuer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var issuer = new TestOidcIssuer(app);
        app.MapGet("/.well-known/jwks", () => Results.Text(issuer.Jwks(), "application/json"));
        // The Actions runtime's token endpoint (ACTIONS_ID_TOKEN_REQUEST_URL), for the repository the test names.
        app.MapGet("/actions-token", (HttpRequest request) =>
            request.Headers.Authorization.ToString() != "Bearer " + RequestToken
                ? Results.StatusCode(401)
                : Results.Json(new { value = issuer.Mint(issuer.RunRepository, c => c["aud"] = request.Query["audience"].ToString()) }));
        await app.StartAsync();
        return issuer;
    }

    /// <summary>Settings a bot needs to trust this issuer for <paramref name="repository"/> with <paramref name="labs"/> open.</summary>
    public Dictionary<string, string?> BotSettings(string repository, params string[] labs)
    {
        var settings = new Dictionary<string, string?>
        {
            ["CourseBot:Oidc:Issuer"] = Issuer,
            ["CourseBot:Oidc:Audience"] = Audience,
            ["CourseBot:Oidc:AllowedWorkflowRefs:0"] = Workflow,
        };
        for (var i = 0; i < labs.Length; i++)
        {
            settings[$"CourseBot:Grading:Repositories:{repository}:{i}"] = labs[i];
        }

        return settings;
    }

    /// <summary>A signed token for a grading run; <paramref name="edit"/> changes claims, <paramref name="signWith"/> another
    /// key.</summary>
    public string Mint(string repository, Action<JsonObject>? edit = null, string alg = "RS256", RSA? signWith = null)
    {
        var now = TimeProvider.System.GetUtcNow().ToUnixTimeSeconds();
        var claims = new JsonObject
        {
            ["iss"] = Issuer,
            ["aud"] = Audience,
            ["sub"] = $"repo:{repository}:ref:refs/heads/main",
            ["repository"] = repository,
            ["repository_id"] = RepositoryId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["repository_owner_id"] = OwnerId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["runner_environment"] = "github-hosted",
            ["ref"] = "refs/heads/main",
            ["sha"] = "0123456789abcdef0123456789abcdef01234567",
            ["run_id"] = "987654",
            ["run_attempt"] = "1",
            ["job_workflow_ref"] = Workflow,
            ["jti"] = Guid.NewGuid().ToString(),
            ["iat"] = now,
            ["nbf"] = now - 5,
            ["exp"] = now + 300,
        };
        edit?.Invoke(claims);
        var header = new JsonObject { ["alg"] = alg, ["kid"] = KeyId, ["typ"] = "JWT" };
        var signingInput = Encode(header.ToJsonString()) + "." + Encode(claims.ToJsonString());
        var signature =
            alg == "none"
                ? []
                : (signWith ?? _key).SignData(Encoding.ASCII.GetBytes(signingInput), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        return signingInput + "." + Convert.ToBase64String(signature).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        _key.Dispose();
    }

    private string Jwks()
    {
        var p = _key.ExportParameters(includePrivateParameters: false);
        return JsonSerializer.Serialize(
            new
            {
                keys = new[]
                {
                    new
                    {
                        kty = "RSA",
                        kid = KeyId,
                        use = "sig",
                        alg = "RS256",
                        n = B64(p.Modulus!),
                        e = B64(p.Exponent!),
                    },
                },
            }
        );
    }

    private static string Encode(string json) => B64(Encoding.UTF8.GetBytes(json));

    private static string B64(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
