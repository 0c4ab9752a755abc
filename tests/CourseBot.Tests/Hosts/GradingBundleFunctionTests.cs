using CourseBot.Core.LabGrading;
using CourseBot.Core.Oidc;
using CourseBot.Core.Storage;
using CourseBot.Functions.Functions;
using CourseBot.Tests.Grading;
using CourseBot.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging.Abstractions;

namespace CourseBot.Tests.Hosts;

/// <summary>The Functions host's bundle function, called directly, over the same core handler and a real HTTP key fetch.</summary>
public sealed class GradingBundleFunctionTests
{
    [Fact]
    public async Task RunAsync_VerifiedToken_ReturnsBundle_AndRefusesWithoutToken()
    {
        var data = Directory.CreateTempSubdirectory("coursebot-fbundle-").FullName;
        var database = Path.Combine(data, "coursebot.db");
        var history = new SqliteLearnerEvents(database, TimeProvider.System);
        await EnrolledRepository.RecordAsync(history, "org/learner");
        await using var issuer = await TestOidcIssuer.StartAsync();
        var oidc = new OidcOptions { Issuer = issuer.Issuer, Audience = TestOidcIssuer.Audience };
        oidc.AllowedWorkflowRefs.Add(TestOidcIssuer.Workflow);
        var grading = new GradingOptions();
        grading.Repositories["org/learner"] = ["demo/greeter-lab"];
        using var http = new HttpClient();
        using var keys = new HttpJwksSource(http, oidc, TimeProvider.System);
        var verifier = new GitHubOidcVerifier(oidc, keys, new SqliteReplayGuard(database, TimeProvider.System), TimeProvider.System);
        var endpoint = new GradingBundleEndpoint(
            oidc,
            verifier,
            new RunIdentityCheck(grading, history),
            new ConfiguredOpenLabs(grading),
            new GradingBundleBuilder(Workspace.Curriculum, new LabRulesReader(Workspace.Curriculum)),
            NullLogger<GradingBundleEndpoint>.Instance
        );
        var function = new GradingBundleFunction(endpoint);

        var request = new DefaultHttpContext().Request;
        request.Headers.Authorization = "Bearer " + issuer.Mint("org/learner");
        var ok = Assert.IsType<JsonResult>(await function.RunAsync(request, CancellationToken.None));
        Assert.Equal("demo/greeter-lab", Assert.Single(Assert.IsType<GradingBundle>(ok.Value).Labs).Key);

        var refused = Assert.IsType<JsonResult>(await function.RunAsync(new DefaultHttpContext().Request, CancellationToken.None));
        Assert.Equal(401, refused.StatusCode);
        Directory.Delete(data, recursive: true);
    }
}
