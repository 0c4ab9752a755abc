using System.Net;
using System.Net.Http.Headers;
using System.Text;
using CourseBot.Cli.Serve;
using CourseBot.Core.Curriculum.Validation;
using CourseBot.Core.Storage;
using CourseBot.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace CourseBot.Tests.Hosts;

/// <summary><c>POST /api/grades</c>: nothing unverified reaches a learner's record.</summary>
public sealed class GradeIntakeTests : IAsyncLifetime, IDisposable
{
    private const string Repo = "course-org/learner-ada";
    private const string Sha = "0123456789abcdef0123456789abcdef01234567";
    private readonly string _data = Directory.CreateTempSubdirectory("coursebot-grades-").FullName;
    private TestOidcIssuer _issuer = null!;
    private WebApplication _bot = null!;
    private HttpClient _http = null!;

    public async Task InitializeAsync()
    {
        _issuer = await TestOidcIssuer.StartAsync();
        var settings = _issuer.BotSettings(Repo, "first-celery-app/first-app-lab");
        settings["CourseBot:DataDirectory"] = _data;
        _bot = BotServer.Build(CurriculumValidator.ValidateFolder(RepositoryPaths.Curriculum).Course!, "http://127.0.0.1:0", settings);
        await _bot.StartAsync();
        _http = new HttpClient { BaseAddress = new Uri(_bot.Urls.First()) };
    }

    public async Task DisposeAsync()
    {
        await _bot.DisposeAsync();
        await _issuer.DisposeAsync();
    }

    public void Dispose()
    {
        _http.Dispose();
        Directory.Delete(_data, recursive: true);
    }

    [Fact]
    public async Task VerifiedResult_IsRecordedOnce_InTheLearnersHistory()
    {
        var token = _issuer.Mint(Repo);
        var (status, body) = await PostAsync(token, Result());
        Assert.Equal(HttpStatusCode.Created, status);
        Assert.StartsWith("{\"status\":\"recorded as event", body, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, (await PostAsync(token, Result())).Status); // the same token again

        var history = await _bot.Services.GetRequiredService<ILearnerEvents>().ReadAsync(Repo, CancellationToken.None);
        var entry = Assert.Single(history);
        Assert.Equal((LearnerEventKinds.LabGraded, "first-celery-app/first-app-lab"), (entry.Kind, entry.Subject));
        Assert.Contains($"\"sha\":\"{Sha}\"", entry.Data, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("other-lab", HttpStatusCode.Forbidden, "lab demo/other-lab is not open for course-org/learner-ada")]
    [InlineData("other-commit", HttpStatusCode.Conflict, "but the run graded 0123456789abcdef")]
    [InlineData("not-json", HttpStatusCode.BadRequest, "the result is not a JSON object")]
    [InlineData("no-score", HttpStatusCode.BadRequest, "is not a version 1 grade result")]
    [InlineData("no-token", HttpStatusCode.Unauthorized, "Authorization: Bearer")]
    [InlineData("learner-workflow", HttpStatusCode.Unauthorized, "is not the course's grading workflow")]
    public async Task UnverifiedOrInconsistentResult_IsRefused(string kind, HttpStatusCode expected, string reason)
    {
        var (token, body) = kind switch
        {
            "other-lab" => (_issuer.Mint(Repo), Result(lab: "demo/other-lab")),
            "other-commit" => (_issuer.Mint(Repo), Result(sha: "ffffffffffffffffffffffffffffffffffffffff")),
            "not-json" => (_issuer.Mint(Repo), "score=100"),
            "no-score" => (_issuer.Mint(Repo), """{"version":1,"lab":"first-celery-app/first-app-lab","sha":"0123456789abcdef0123456789abcdef01234567"}"""),
            "no-token" => (null, Result()),
            "learner-workflow" => (_issuer.Mint(Repo, c => c["job_workflow_ref"] = Repo + "/.github/workflows/fake.yml@refs/heads/main"), Result()),
            _ => throw new ArgumentOutOfRangeException(nameof(kind)),
        };
        var (status, text) = await PostAsync(token, body);
        Assert.Equal(expected, status);
        Assert.Contains(reason, text.Replace("\\u0027", "'", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Empty(await _bot.Services.GetRequiredService<ILearnerEvents>().ReadAsync(Repo, CancellationToken.None));
    }

    private static string Result(string lab = "first-celery-app/first-app-lab", string sha = Sha) =>
        $$"""{"version":1,"lab":"{{lab}}","sha":"{{sha}}","status":"passed","score":7,"max_score":7,"passed":true,"isolated":true,"notes":[],"tests":[]}""";

    private async Task<(HttpStatusCode Status, string Body)> PostAsync(string? token, string body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/grades") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        using var response = await _http.SendAsync(request);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }
}
