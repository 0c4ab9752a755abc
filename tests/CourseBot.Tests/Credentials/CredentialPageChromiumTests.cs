using CourseBot.Cli.Commands;
using CourseBot.Core.Journey.History;
using CourseBot.Core.OpenBadges;
using CourseBot.Tests.Infrastructure;
using CourseBot.Tests.Journey;
using Microsoft.Extensions.DependencyInjection;

namespace CourseBot.Tests.Credentials;

/// <summary>
/// The verification page as a person sees it, in Chromium (screenshots in artifacts/screenshots): VALID for an issued credential,
/// REVOKED once an instructor revoked it, and a hostile name in the credential shown as text, never run as markup.
/// </summary>
[Collection(ChromiumTestGroup.Name)]
public sealed class CredentialPageChromiumTests(Chromium chromium)
{
    private const string Hostile = "<img src=x onerror=\"window.__pwned=true\"><script>window.__pwned=true</script>";

    [Fact]
    public async Task VerificationPage_ShowsValid_ThenRevoked_AndEncodesAHostileName()
    {
        var url = $"http://127.0.0.1:{LoopbackPorts.Free()}";
        await using var harness = await JourneyHarness.StartAsync(urls: url);
        await PathOneLearner.EnrollOneExamAwayAsync(harness);
        await PathOneLearner.PassFinalExamAsync(harness);
        var issued = LearnerEventJson.Read<CredentialIssued>((await harness.History.ReadAsync(PathOneLearner.Repository,
            CancellationToken.None)).Single(e => e.Kind == LearnerEventKinds.CredentialIssued))!;

        var valid = await chromium.VisitAsync(new Uri(issued.Url), "status", Chromium.ScreenshotPath("credential-page-valid"));
        Assert.Equal("VALID", valid.Element);
        Assert.Contains("ada", valid.Text, StringComparison.Ordinal);
        Assert.Contains("Certificate of Completion: Path 1, Celery Fundamentals", valid.Text, StringComparison.Ordinal);
        Assert.Contains("Individual path completion: Path 1", valid.Text, StringComparison.Ordinal);

        using var output = new StringWriter();
        Assert.Equal(0, await CourseBotCommandLine.Build().Parse(["credential", "revoke", issued.Id, "--reason", "Issued in error",
            "--data", harness.DataDirectory]).InvokeAsync(new System.CommandLine.InvocationConfiguration { Output = output }));
        var revoked = await chromium.VisitAsync(new Uri(issued.Url), "status", Chromium.ScreenshotPath("credential-page-revoked"));
        Assert.Equal("REVOKED", revoked.Element);
        Assert.Contains("Issued in error", revoked.Text, StringComparison.Ordinal);

        // A credential whose subject and note carry markup, signed by the bot's key and registered like any other.
        var payload = JwtPayload.Of(issued.Jwt);
        payload["credentialSubject"]!["id"] = "https://github.com/" + Hostile;
        payload["credentialSubject"]!["narrative"] = "Earned by " + Hostile;
        var signer = harness.Bot.Services.GetRequiredService<CredentialSigner>();
        var hostileId = "completion-fundamentals-00000000000bad00";
        var hostile = issued with { Id = hostileId, Url = $"{url}/credentials/{hostileId}", Jwt = signer.Sign(payload) };
        await harness.Bot.Services.GetRequiredService<CredentialRegister>().RecordIssuedAsync("academy/celery-mallory", hostile,
            CancellationToken.None);

        var page = await chromium.VisitAsync(new Uri(hostile.Url), "learner", Chromium.ScreenshotPath("credential-page-hostile"));
        Assert.False(page.ScriptRan, "learner text ran as markup");
        Assert.Contains("<img src=x", page.Text, StringComparison.Ordinal);
        Assert.Contains("<script>", page.Text, StringComparison.Ordinal);
    }
}
