using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using CourseBot.Cli.Serve;
using CourseBot.Core.Curriculum.Validation;
using CourseBot.Core.Journey.History;
using CourseBot.Core.Journey.Writing;
using CourseBot.Core.Storage;
using CourseBot.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace CourseBot.Tests.Hosts;

/// <summary>
/// <c>POST /api/grades</c>: nothing unverified reaches a learner's record. The bot scores a result
/// from the lab's own checks (first-app-lab: "app module", a file check worth 1, and "tasks", hidden
/// Celery tests worth 6), takes it only from the repository it enrolled, and uses a token once even
/// across restarts and instances sharing its store.
/// </summary>
public sealed class GradeIntakeTests : IAsyncLifetime, IDisposable
{
    private const string Repo = "course-org/learner-ada";
    private const string Lab = "first-celery-app/first-app-lab";
    private const string Sha = "0123456789abcdef0123456789abcdef01234567";
    private const string OlderRepo = "course-org/learner-grace";
    private readonly string _data = Directory.CreateTempSubdirectory("coursebot-grades-").FullName;
    private TestOidcIssuer _issuer = null!;
    private WebApplication _bot = null!;
    private HttpClient _http = null!;

    private static Core.Curriculum.Model.Course Course => Journey.CeleryCourse.Course;

    private ILearnerEvents History => _bot.Services.GetRequiredService<ILearnerEvents>();

    public async Task InitializeAsync()
    {
        _issuer = await TestOidcIssuer.StartAsync();
        _bot = await StartBotAsync();
        _http = new HttpClient { BaseAddress = new Uri(_bot.Urls.First()) };
        await EnrolledRepository.RecordAsync(History, Repo);
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
    public async Task VerifiedResult_IsScoredByTheBot_AndRecordedOnce()
    {
        var token = _issuer.Mint(Repo);
        var halfDone = Result(tasks: [("tasks: add returns sum", 3, 3), ("tasks: mul returns product", 0, 3)]);
        var (status, body) = await PostAsync(_http, token, halfDone);
        Assert.Equal(HttpStatusCode.Created, status);
        Assert.Contains("4 / 7, not passed", body, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, (await PostAsync(_http, token, Result())).Status); // the same token again

        var entry = Assert.Single(await GradesAsync());
        Assert.Equal(Lab, entry.Subject);
        var data = LearnerEventJson.Read<LabGraded>(entry)!;
        // The body claimed 7 of 7 and a pass; the bot counted the checks.
        Assert.Equal((4.0, 7.0, false), (data.Score, data.MaxScore, data.Passed));
        Assert.Equal(7.0, (double)data.Claimed!.Score!);
        Assert.Equal(Sha, data.Sha);
    }

    [Theory]
    [InlineData("no-checks", "check 'app module' of lab first-celery-app/first-app-lab is missing from the result")]
    [InlineData("invented-check", "'full marks' is not a check of lab first-celery-app/first-app-lab")]
    [InlineData("above-maximum", "'app module' claims 5 points of 1")]
    [InlineData("inflated-maximum", "check 'app module' scores 5, above its maximum of 1")]
    [InlineData("missing-check", "check 'tasks' of lab first-celery-app/first-app-lab is missing from the result")]
    [InlineData("relabelled", "'app module' is reported as a celery check, but 'app module' is a file check")]
    [InlineData("twice", "check 'app module' is reported twice")]
    public async Task ForgedResult_WithAValidToken_Is422_AndNothingIsRecorded(string kind, string reason)
    {
        var body = kind switch
        {
            // The attack: a learner's program with a real token posts "1 of 1, passed".
            "no-checks" => $$"""{"version":1,"lab":"{{Lab}}","sha":"{{Sha}}","score":1,"max_score":1,"passed":true,"tests":[]}""",
            "invented-check" => Result(tasks: [("tasks", 6, 6), ("full marks", 100, 100)]),
            "above-maximum" => Result(app: ("app module", "file", 5, 1)),
            "inflated-maximum" => Result(app: ("app module", "file", 5, 5)),
            "missing-check" => Result(tasks: []),
            "relabelled" => Result(app: ("app module", "celery", 1, 1)),
            "twice" => Result(tasks: [("tasks", 6, 6), ("app module", 1, 1)]),
            _ => throw new ArgumentOutOfRangeException(nameof(kind)),
        };
        var (status, text) = await PostAsync(_http, _issuer.Mint(Repo), body);
        Assert.Equal((HttpStatusCode)422, status);
        Assert.Contains(reason, Unescape(text), StringComparison.Ordinal);
        Assert.Empty(await GradesAsync());
    }

    [Theory]
    [InlineData("""{"version":"1","lab":"LAB","sha":"SHA","tests":[]}""", "\"version\" must be the number 1")]
    [InlineData("""{"version":2,"lab":"LAB","sha":"SHA","tests":[]}""", "\"version\" must be the number 1")]
    [InlineData(
        """{"version":1,"lab":"LAB","sha":"SHA","tests":"""
        + """[{"name":"app module","kind":"file","status":"passed","score":"1","max_score":1}]}""",
        "tests[0] needs \"score\" and \"max_score\" as numbers"
    )]
    [InlineData(
        """{"version":1,"lab":"LAB","sha":"SHA","tests":[{"name":"app module","kind":"file","status":"great","score":1,"max_score":1}]}""",
        "tests[0].status must be one of"
    )]
    [InlineData(
        """{"version":1,"lab":"LAB","sha":"SHA","tests":"""
        + """[{"name":"app module","kind":"file","status":"passed","score":1,"max_score":1,"detail":7}]}""",
        "tests[0].detail must be text"
    )]
    [InlineData("""{"version":1,"lab":"LAB","sha":"SHA","passed":"yes","tests":[]}""", "passed must be true or false")]
    [InlineData("""{"version":1,"lab":"LAB","sha":"SHA","tests":{}}""", "has no \"tests\" list")]
    [InlineData("""[1,2]""", "the result is not a JSON object")]
    [InlineData("""score=100""", "the result is not a JSON object")]
    public async Task WrongTypes_Are400_AndDoNotUseTheTokenUp(string body, string reason)
    {
        var token = _issuer.Mint(Repo);
        body = body.Replace("LAB", Lab, StringComparison.Ordinal).Replace("SHA", Sha, StringComparison.Ordinal);
        var (status, text) = await PostAsync(_http, token, body);
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains(reason, Unescape(text), StringComparison.Ordinal);

        // The run corrects its result and sends it with the same token.
        Assert.Equal(HttpStatusCode.Created, (await PostAsync(_http, token, Result())).Status);
    }

    [Theory]
    [InlineData("other-lab", HttpStatusCode.Forbidden, "lab demo/other-lab is not open for course-org/learner-ada")]
    [InlineData("other-commit", HttpStatusCode.Conflict, "but the run graded 0123456789abcdef")]
    [InlineData("no-token", HttpStatusCode.Unauthorized, "Authorization: Bearer")]
    [InlineData("learner-workflow", HttpStatusCode.Unauthorized, "is not the course's grading workflow")]
    [InlineData("recreated-repository", HttpStatusCode.Forbidden,
        "(repository id 9999, owner id 1001) is not the repository enrolled under that name (id 4242")]
    [InlineData("transferred-repository", HttpStatusCode.Forbidden, "owner id 666) is not the repository enrolled")]
    [InlineData("self-hosted", HttpStatusCode.Forbidden, "the run used a 'self-hosted' runner")]
    [InlineData("not-enrolled", HttpStatusCode.Forbidden, "course-org/learner-bob is not a learner repository this bot created")]
    [InlineData("no-owner-id", HttpStatusCode.Unauthorized, "claim 'repository_owner_id' is missing")]
    public async Task UnverifiedOrInconsistentResult_IsRefused(string kind, HttpStatusCode expected, string reason)
    {
        var (token, body) = kind switch
        {
            "other-lab" => (_issuer.Mint(Repo), Result(lab: "demo/other-lab")),
            "other-commit" => (_issuer.Mint(Repo), Result(sha: "ffffffffffffffffffffffffffffffffffffffff")),
            "no-token" => (null, Result()),
            "learner-workflow" => (
                _issuer.Mint(Repo, c => c["job_workflow_ref"] = Repo + "/.github/workflows/fake.yml@refs/heads/main"),
                Result()
            ),
            "recreated-repository" => (_issuer.Mint(Repo, c => c["repository_id"] = "9999"), Result()),
            "transferred-repository" => (_issuer.Mint(Repo, c => c["repository_owner_id"] = "666"), Result()),
            "self-hosted" => (_issuer.Mint(Repo, c => c["runner_environment"] = "self-hosted"), Result()),
            "not-enrolled" => (_issuer.Mint("course-org/learner-bob"), Result()),
            "no-owner-id" => (_issuer.Mint(Repo, c => c.Remove("repository_owner_id")), Result()),
            _ => throw new ArgumentOutOfRangeException(nameof(kind)),
        };
        var (status, text) = await PostAsync(_http, token, body);
        Assert.Equal(expected, status);
        Assert.Contains(reason, Unescape(text), StringComparison.Ordinal);
        Assert.Empty(await GradesAsync());
    }

    [Theory]
    [InlineData("4343", HttpStatusCode.Created)]
    [InlineData("9999", HttpStatusCode.Forbidden)]
    public async Task RecordWithoutOwnerId_StillPinsTheRepositoryId(string repositoryId, HttpStatusCode expected)
    {
        // Enrolled before the bot recorded the owner's id: the repository id (never reused) decides.
        await EnrolledRepository.RecordAsync(History, OlderRepo, id: 4343, ownerId: null);
        var token = _issuer.Mint(OlderRepo, c => c["repository_id"] = repositoryId);
        var (status, text) = await PostAsync(_http, token, Result());
        Assert.True(expected == status, text);
    }

    [Fact]
    public async Task SelfHostedRunner_IsAccepted_WhenTheCourseAllowsIt()
    {
        await using var bot = await StartBotAsync(new() { ["CourseBot:Grading:AllowSelfHostedRunners"] = "true" });
        using var http = new HttpClient { BaseAddress = new Uri(bot.Urls.First()) };
        var (status, _) = await PostAsync(http, _issuer.Mint(Repo, c => c["runner_environment"] = "self-hosted"), Result());
        Assert.Equal(HttpStatusCode.Created, status);
    }

    [Fact]
    public async Task Replay_AfterARestart_IsRefused()
    {
        var token = _issuer.Mint(Repo);
        Assert.Equal(HttpStatusCode.Created, (await PostAsync(_http, token, Result())).Status);

        await _bot.StopAsync();
        await using var restarted = await StartBotAsync();
        using var http = new HttpClient { BaseAddress = new Uri(restarted.Urls.First()) };
        var (status, text) = await PostAsync(http, token, Result());
        Assert.Equal(HttpStatusCode.Unauthorized, status);
        Assert.Contains("token was already used", text, StringComparison.Ordinal);
        var history = await restarted.Services.GetRequiredService<ILearnerEvents>().ReadAsync(Repo, CancellationToken.None);
        Assert.Single(history, e => e.Kind == LearnerEventKinds.LabGraded);
    }

    [Fact]
    public async Task SameToken_SentToTwoInstancesAtOnce_IsAcceptedByOne()
    {
        await using var second = await StartBotAsync();
        using var http = new HttpClient { BaseAddress = new Uri(second.Urls.First()) };
        for (var round = 0; round < 10; round++)
        {
            var token = _issuer.Mint(Repo);
            var statuses = await Task.WhenAll(PostAsync(_http, token, Result()), PostAsync(http, token, Result()));
            Assert.Equal([HttpStatusCode.Created, HttpStatusCode.Unauthorized], statuses.Select(s => s.Status).Order());
        }

        Assert.Equal(10, (await GradesAsync()).Count);
    }

    [Fact]
    public async Task KeysUnavailable_Is503_AndDoNotUseTheTokenUp()
    {
        // A second instance whose issuer keys cannot be fetched (nothing listens there).
        var nowhere = $"http://127.0.0.1:{LoopbackPorts.Free()}/.well-known/jwks";
        await using var blind = await StartBotAsync(new() { ["CourseBot:Oidc:JwksUri"] = nowhere });
        using var http = new HttpClient { BaseAddress = new Uri(blind.Urls.First()) };
        var token = _issuer.Mint(Repo);
        var (status, text) = await PostAsync(http, token, Result());
        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        Assert.Contains("the issuer's keys could not be fetched", Unescape(text), StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Created, (await PostAsync(_http, token, Result())).Status);
    }

    [Fact]
    public async Task CheckDetail_StaysInTheRecord_AndNeverReachesTheLearnersResults()
    {
        const string Traceback = "Traceback (most recent call last):\n"
            + "  File \"hidden/test_first_app.py\", line 12, in test_mul\n    assert HIDDEN_EXPECTATION == 12";
        var result = JsonNode.Parse(Result(tasks: [("tasks: mul returns product", 0, 6)]))!.AsObject();
        var failed = result["tests"]![1]!.AsObject();
        failed["message"] = "mul(3, 4) should return 12";
        failed["detail"] = Traceback;
        Assert.Equal(HttpStatusCode.Created, (await PostAsync(_http, _issuer.Mint(Repo), result.ToJsonString())).Status);

        var record = LearnerEventJson.Read<LabGraded>(Assert.Single(await GradesAsync()))!;
        Assert.Equal(Traceback, (string?)record.Result!["tests"]![1]!["detail"]);
        var latest = new Dictionary<string, LabGraded> { [Lab] = record };
        var comment = ResultsCommentWriter.Write(Course.FindModule("first-celery-app")!, latest, "https://github.com/" + Repo);
        Assert.Contains("mul(3, 4) should return 12", comment, StringComparison.Ordinal);
        Assert.DoesNotContain("HIDDEN_EXPECTATION", comment, StringComparison.Ordinal);
        Assert.DoesNotContain("Traceback", comment, StringComparison.Ordinal);
    }

    /// <summary>A bot over the test's data folder (a second one shares the SQLite file, as a restarted or second instance would).</summary>
    private async Task<WebApplication> StartBotAsync(Dictionary<string, string?>? extra = null)
    {
        var settings = _issuer.BotSettings(Repo, Lab);
        settings[$"CourseBot:Grading:Repositories:{OlderRepo}:0"] = Lab;
        settings["CourseBot:DataDirectory"] = _data;
        settings["CourseBot:Queue:Worker"] = "false";
        foreach (var (name, value) in extra ?? [])
        {
            settings[name] = value;
        }

        var bot = BotServer.Build(CurriculumValidator.ValidateFolder(RepositoryPaths.Curriculum).Course!, "http://127.0.0.1:0", settings);
        await bot.StartAsync();
        return bot;
    }

    private async Task<List<LearnerEvent>> GradesAsync() =>
        (await History.ReadAsync(Repo, CancellationToken.None)).Where(e => e.Kind == LearnerEventKinds.LabGraded).ToList();

    /// <summary>
    /// A result for first-app-lab as the grader writes it, claiming 7 of 7 and a pass whatever its
    /// checks say; <paramref name="tasks"/> are the "tasks" check's entries (one per hidden test).
    /// </summary>
    private static string Result(string lab = Lab, string sha = Sha, (string Name, string Kind, double Score, double Max)? app = null,
        (string Name, double Score, double Max)[]? tasks = null)
    {
        var file = app ?? ("app module", "file", 1, 1);
        var entries = new JsonArray(Entry(file.Name, file.Kind, file.Score, file.Max));
        foreach (var (name, score, max) in tasks ?? [("tasks: add returns sum", 3, 3), ("tasks: mul returns product", 3, 3)])
        {
            entries.Add(Entry(name, name.StartsWith("tasks", StringComparison.Ordinal) ? "celery" : "file", score, max));
        }

        return new JsonObject
        {
            ["version"] = 1, ["lab"] = lab, ["sha"] = sha, ["status"] = "passed", ["score"] = 7, ["max_score"] = 7, ["passed"] = true,
            ["isolated"] = true, ["notes"] = new JsonArray(), ["tests"] = entries,
        }.ToJsonString();

        static JsonObject Entry(string name, string kind, double score, double max) => new()
        {
            ["name"] = name, ["kind"] = kind, ["status"] = score >= max ? "passed" : "failed",
            ["score"] = score, ["max_score"] = max, ["duration_ms"] = 1,
        };
    }

    private static string Unescape(string json) => json
        .Replace("\\u0027", "'", StringComparison.Ordinal)
        .Replace("\\u0022", "\"", StringComparison.Ordinal)
        .Replace("\\\"", "\"", StringComparison.Ordinal);

    private static async Task<(HttpStatusCode Status, string Body)> PostAsync(HttpClient http, string? token, string body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/grades")
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        using var response = await http.SendAsync(request);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }
}
