using System.Security.Cryptography;
using System.Text;
using CourseBot.Cli.Commands;
using CourseBot.Core.Journey.History;
using CourseBot.Core.OpenBadges;
using CourseBot.Tests.Infrastructure;
using CourseBot.Tests.Journey;

namespace CourseBot.Tests.Credentials;

/// <summary>
/// <c>coursebot credential verify</c> on what an employer gets (the file from the learner's repository, or the URL), against the
/// running bot's published key and revocation list; a tampered subject and a foreign key fail with their reason; after
/// <c>coursebot credential revoke</c> the list, the page and verify say REVOKED.
/// </summary>
[Collection(JourneyGroup.Name)]
public sealed class CredentialVerifyRevokeTests
{
    [Fact]
    public async Task Verify_FileAndUrl_Valid_TamperedAndForeignKeyFail_RevokedAfterRevoke()
    {
        var url = $"http://127.0.0.1:{LoopbackPorts.Free()}";
        await using var harness = await JourneyHarness.StartAsync(urls: url);
        await PathOneLearner.EnrollOneExamAwayAsync(harness);
        await PathOneLearner.PassFinalExamAsync(harness);
        var issued = LearnerEventJson.Read<CredentialIssued>((await harness.History.ReadAsync(PathOneLearner.Repository,
            CancellationToken.None)).Single(e => e.Kind == LearnerEventKinds.CredentialIssued))!;
        var folder = Directory.CreateTempSubdirectory("coursebot-credential-").FullName;
        var file = Path.Combine(folder, "completion-fundamentals.json");
        await File.WriteAllTextAsync(file,
            harness.GitHub.ReadFile(PathOneLearner.Repository, "certificates/completion-fundamentals.json"));

        var (code, output) = await RunAsync("credential", "verify", file);
        Assert.Equal(0, code);
        Assert.Contains($"ok    Signature: ES256, valid for the issuer's key", output, StringComparison.Ordinal);
        Assert.Contains($"published at {url}/.well-known/jwks.json", output, StringComparison.Ordinal);
        Assert.Contains("ok    Schema: a valid Open Badges 3.0 credential", output, StringComparison.Ordinal);
        Assert.Contains("ok    Validity: valid from", output, StringComparison.Ordinal);
        Assert.Contains($"ok    Revocation: not on the issuer's revocation list ({url}/credentials/revocations)", output,
            StringComparison.Ordinal);
        Assert.EndsWith("VALID\n", output, StringComparison.Ordinal);
        Assert.Equal(0, (await RunAsync("credential", "verify", issued.Url)).Code);

        // One character of the subject changed: the signature no longer matches.
        var parts = issued.Jwt.Split('.');
        var payload = Encoding.UTF8.GetString(Jose.Base64Url.Decode(parts[1]));
        var forged = payload.Replace("https://github.com/ada", "https://github.com/adb", StringComparison.Ordinal);
        Assert.NotEqual(payload, forged);
        var tampered = Path.Combine(folder, "tampered.json");
        await File.WriteAllTextAsync(tampered,
            CredentialFile.Envelope($"{parts[0]}.{Jose.Base64Url.Encode(Encoding.UTF8.GetBytes(forged))}.{parts[2]}"));
        (code, output) = await RunAsync("credential", "verify", tampered);
        Assert.Equal(1, code);
        Assert.Contains("FAIL  Signature: does not match the issuer's key", output, StringComparison.Ordinal);
        Assert.Contains("the credential was changed after it was signed", output, StringComparison.Ordinal);
        Assert.EndsWith("NOT VALID\n", output, StringComparison.Ordinal);

        // Pinned to another key: that key did not sign it.
        using var other = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var jwks = Path.Combine(folder, "other-jwks.json");
        await File.WriteAllTextAsync(jwks, new CredentialSigner(other).Jwks().ToJsonString());
        (code, output) = await RunAsync("credential", "verify", file, "--jwks", jwks);
        Assert.Equal(1, code);
        Assert.Contains("FAIL  Signature: signed with key", output, StringComparison.Ordinal);

        // Revoked by an instructor, in the bot's store: the list, the page and verify say so.
        Assert.Equal(1, (await RunAsync("credential", "revoke", "completion-fundamentals-0000000000000000", "--reason", "x",
            "--data", harness.DataDirectory)).Code);
        (code, output) = await RunAsync("credential", "revoke", issued.Url, "--reason", "Capstone plagiarised",
            "--by", "grace", "--data", harness.DataDirectory);
        Assert.Equal(0, code);
        Assert.Contains($"Revoked {issued.Id}: Capstone plagiarised.", output, StringComparison.Ordinal);
        using var http = new HttpClient();
        Assert.Contains(issued.Url, await http.GetStringAsync(new Uri($"{url}/credentials/revocations")), StringComparison.Ordinal);
        var page = await http.GetStringAsync(new Uri(issued.Url));
        Assert.Contains("REVOKED", page, StringComparison.Ordinal);
        Assert.DoesNotContain(">VALID<", page, StringComparison.Ordinal);
        (code, output) = await RunAsync("credential", "verify", file);
        Assert.Equal(1, code);
        Assert.Contains("ok    Signature: ES256", output, StringComparison.Ordinal);
        Assert.Contains("FAIL  Revocation: REVOKED by the issuer", output, StringComparison.Ordinal);
        Assert.Contains("Capstone plagiarised", output, StringComparison.Ordinal);
        Assert.EndsWith("NOT VALID: REVOKED\n", output, StringComparison.Ordinal);
    }

    private static async Task<(int Code, string Output)> RunAsync(params string[] args)
    {
        using var output = new StringWriter { NewLine = "\n" };
        var code = await CourseBotCommandLine.Build().Parse(args)
            .InvokeAsync(new System.CommandLine.InvocationConfiguration { Output = output, Error = output });
        return (code, output.ToString());
    }
}
