using CourseBot.Core.Journey;
using CourseBot.Core.Journey.History;
using CourseBot.Core.LabGrading;
using CourseBot.Core.Oidc;
using CourseBot.Core.Storage;
using CourseBot.Functions.Functions;
using CourseBot.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging.Abstractions;

namespace CourseBot.Tests.Hosts;

/// <summary>The Functions host's grade intake, called directly, with a token from the test issuer (keys over HTTP).</summary>
public sealed class GradesFunctionTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("coursebot-fgrades-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task RunAsync_VerifiedResult_IsRecorded_ForgedOneIsRefused()
    {
        await using var issuer = await TestOidcIssuer.StartAsync();
        var oidc = new OidcOptions { Issuer = issuer.Issuer, Audience = TestOidcIssuer.Audience };
        oidc.AllowedWorkflowRefs.Add(TestOidcIssuer.Workflow);
        var grading = new GradingOptions();
        grading.Repositories["org/learner"] = ["first-celery-app/first-app-lab"];
        using var http = new HttpClient();
        using var keys = new HttpJwksSource(http, oidc, TimeProvider.System);
        var database = Path.Combine(_dir, "coursebot.db");
        var history = new SqliteLearnerEvents(database, TimeProvider.System);
        await EnrolledRepository.RecordAsync(history, "org/learner");
        var inbox = new SqliteDeliveryInbox(database, TimeProvider.System);
        var verifier = new GitHubOidcVerifier(oidc, keys, new SqliteReplayGuard(database, TimeProvider.System), TimeProvider.System);
        var endpoint = new GradeIntakeEndpoint(
            oidc, verifier, new RunIdentityCheck(grading, history), new ConfiguredOpenLabs(grading),
            new LabRulesReader(RepositoryPaths.Curriculum),
            history, new QueuedLearnerChanges(inbox), TestTelemetry.Create(), NullLogger<GradeIntakeEndpoint>.Instance);
        var function = new GradesFunction(endpoint);
        const string result = """
            {"version":1,"lab":"first-celery-app/first-app-lab","sha":"0123456789abcdef0123456789abcdef01234567",
             "status":"passed","score":7,"max_score":7,"passed":true,"isolated":true,"notes":[],
             "tests":[{"name":"app module","kind":"file","status":"passed","score":1,"max_score":1,"duration_ms":2},
             {"name":"tasks: add","kind":"celery","status":"passed","score":6,"max_score":6,"duration_ms":900}]}
            """;

        var recorded = Assert.IsType<JsonResult>(
            await function.RunAsync(Request(result, issuer.Mint("org/learner")), CancellationToken.None)
        );
        Assert.Equal(201, recorded.StatusCode);
        var forged = Assert.IsType<JsonResult>(await function.RunAsync(Request(result, null), CancellationToken.None));
        Assert.Equal(401, forged.StatusCode);
        Assert.Single(await history.ReadAsync("org/learner", CancellationToken.None), e => e.Kind == LearnerEventKinds.LabGraded);
        // The learner's repository is brought up to date from the queue, not in the request.
        var queued = await inbox.LeaseAsync(TimeSpan.FromMinutes(1), CancellationToken.None);
        Assert.Equal(QueuedLearnerChanges.SyncEvent, queued?.Delivery.Event);
    }

    private static HttpRequest Request(string body, string? token)
    {
        var context = new DefaultHttpContext();
        context.Request.Body = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(body));
        if (token is not null)
        {
            context.Request.Headers.Authorization = "Bearer " + token;
        }

        return context.Request;
    }
}
