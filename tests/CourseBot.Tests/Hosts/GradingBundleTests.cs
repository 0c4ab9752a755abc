using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text.Json;
using CourseBot.Cli.Serve;
using CourseBot.Core.Curriculum.Validation;
using CourseBot.Core.Storage;
using CourseBot.Tests.Grading;
using CourseBot.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace CourseBot.Tests.Hosts;

/// <summary><c>GET /api/grading/bundle</c> on <c>coursebot serve</c>, over real HTTP, with tokens from a test issuer whose keys are fetched
/// over HTTP too.</summary>
public sealed class GradingBundleTests : IAsyncLifetime, IDisposable
{
    private const string Repo = "course-org/learner-ada";
    private readonly string _data = Directory.CreateTempSubdirectory("coursebot-bundle-").FullName;
    private TestOidcIssuer _issuer = null!;
    private WebApplication _bot = null!;
    private HttpClient _http = null!;

    public async Task InitializeAsync()
    {
        _issuer = await TestOidcIssuer.StartAsync();
        var course = CurriculumValidator.ValidateFolder(RepositoryPaths.Curriculum).Course! with { RootDirectory = Workspace.Curriculum };
        var settings = _issuer.BotSettings(Repo, "demo/greeter-lab", "demo/tasks-lab");
        settings["CourseBot:DataDirectory"] = _data;
        _bot = BotServer.Build(course, "http://127.0.0.1:0", settings);
        await _bot.StartAsync();
        await EnrolledRepository.RecordAsync(_bot.Services.GetRequiredService<ILearnerEvents>(), Repo);
        _http = new HttpClient { BaseAddress = new Uri(_bot.Urls.First()) };
    }

    public void Dispose()
    {
        _http.Dispose();
        Directory.Delete(_data, recursive: true);
    }

    public async Task DisposeAsync()
    {
        await _bot.DisposeAsync();
        await _issuer.DisposeAsync();
    }

    [Fact]
    public async Task Bundle_VerifiedRun_GetsChecksAndHiddenTestsButNoSolution()
    {
        var (status, body) = await GetAsync(_issuer.Mint(Repo));
        Assert.Equal(HttpStatusCode.OK, status);
        using var json = JsonDocument.Parse(body);
        Assert.Equal(Repo, json.RootElement.GetProperty("repository").GetString());
        var labs = json
            .RootElement.GetProperty("labs")
            .EnumerateArray()
            .ToDictionary(l => l.GetProperty("key").GetString()!, l => l.GetProperty("files"));
        Assert.Equal(["demo/greeter-lab", "demo/tasks-lab"], labs.Keys);
        Assert.Equal(["hidden/test_tasks.py", "lab.yml"], labs["demo/tasks-lab"].EnumerateObject().Select(p => p.Name).Order());
        Assert.DoesNotContain("REFERENCE-SOLUTION", body, StringComparison.Ordinal);
        Assert.DoesNotContain("solution/", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bundle_NoToken_Is401()
    {
        var (status, body) = await GetAsync(null);
        Assert.Equal(HttpStatusCode.Unauthorized, status);
        Assert.Contains("Authorization: Bearer", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bundle_ReplayedToken_IsRefusedTheSecondTime()
    {
        var token = _issuer.Mint(Repo);
        Assert.Equal(HttpStatusCode.OK, (await GetAsync(token)).Status);
        var (status, body) = await GetAsync(token);
        Assert.Equal(HttpStatusCode.Unauthorized, status);
        Assert.Equal("{\"error\":\"token was already used\"}", body);
    }

    public static TheoryData<string, string> BadTokens => new()
    {
        { "expired", "token has expired" },
        { "wrong-workflow", "is not the course's grading workflow at an allowed ref" },
        { "learner-workflow", "is not the course's grading workflow at an allowed ref" },
        { "wrong-audience", "audience is not https://coursebot.test" },
        { "wrong-issuer", "is not http://127.0.0.1:" },
        { "alg-none", "not a JSON Web Token" },
        { "alg-hs256", "algorithm 'HS256' is not RS256" },
        { "other-key", "signature does not verify" },
        { "not-a-jwt", "not a JSON Web Token" },
        { "no-jti", "claim 'jti' is missing" },
    };

    [Theory]
    [MemberData(nameof(BadTokens))]
    public async Task Bundle_BadToken_IsRefusedWithReason(string kind, string reason)
    {
        using var otherKey = RSA.Create(2048);
        var token = kind switch
        {
            "expired" => _issuer.Mint(Repo, c => c["exp"] = TimeProvider.System.GetUtcNow().ToUnixTimeSeconds() - 600),
            "wrong-workflow" => _issuer.Mint(Repo, c =>
                c["job_workflow_ref"] = "course-org/course/.github/workflows/grade.yml@refs/heads/learner-branch"
            ),
            "learner-workflow" => _issuer.Mint(Repo, c => c["job_workflow_ref"] = Repo + "/.github/workflows/grade.yml@refs/heads/main"),
            "wrong-audience" => _issuer.Mint(Repo, c => c["aud"] = "https://attacker.example"),
            "wrong-issuer" => _issuer.Mint(Repo, c => c["iss"] = "https://token.actions.githubusercontent.com"),
            "alg-none" => _issuer.Mint(Repo, alg: "none"),
            "alg-hs256" => _issuer.Mint(Repo, alg: "HS256"),
            "other-key" => _issuer.Mint(Repo, signWith: otherKey),
            "not-a-jwt" => "hello",
            "no-jti" => _issuer.Mint(Repo, c => c.Remove("jti")),
            _ => throw new ArgumentOutOfRangeException(nameof(kind)),
        };
        var (status, body) = await GetAsync(token);
        Assert.Equal(HttpStatusCode.Unauthorized, status);
        using var json = JsonDocument.Parse(body);
        Assert.Contains(reason, json.RootElement.GetProperty("error").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bundle_RepositoryNotEnrolled_Is403()
    {
        var (status, body) = await GetAsync(_issuer.Mint("course-org/someone-else"));
        Assert.Equal(HttpStatusCode.Forbidden, status);
        Assert.Contains("course-org/someone-else is not a learner repository this bot created", body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("repository_id", "9999", "is not the repository enrolled under that name")]
    [InlineData("repository_owner_id", "666", "is not the repository enrolled under that name")]
    [InlineData("runner_environment", "self-hosted", "this course grades on GitHub-hosted runners only")]
    public async Task Bundle_RecreatedRepositoryOrSelfHostedRunner_Is403(string claim, string value, string reason)
    {
        var (status, body) = await GetAsync(_issuer.Mint(Repo, c => c[claim] = value));
        Assert.Equal(HttpStatusCode.Forbidden, status);
        Assert.Contains(reason, body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bundle_BotWithoutOidcConfiguration_Is503()
    {
        var course = CurriculumValidator.ValidateFolder(RepositoryPaths.Curriculum).Course!;
        await using var unconfigured = BotServer.Build(course, "http://127.0.0.1:0");
        await unconfigured.StartAsync();
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(new Uri(unconfigured.Urls.First()), "/api/grading/bundle"));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _issuer.Mint(Repo));
        using var response = await http.SendAsync(request);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
    }

    private async Task<(HttpStatusCode Status, string Body)> GetAsync(string? token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/grading/bundle");
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        using var response = await _http.SendAsync(request);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }
}
