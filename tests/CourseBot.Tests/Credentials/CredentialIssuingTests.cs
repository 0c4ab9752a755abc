using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using CourseBot.Core.Journey.History;
using CourseBot.Core.OpenBadges;
using CourseBot.Tests.Infrastructure;
using CourseBot.Tests.Journey;

namespace CourseBot.Tests.Credentials;

/// <summary>
/// A certificate earned through the journey is issued as a signed credential: recorded in the learner's history, written into
/// their repository as <c>certificates/KEY.json</c> in the same commit as its badge, linked from the README (verification page
/// and LinkedIn), and served by the running bot at its public URL with its key at <c>/.well-known/jwks.json</c>.
/// </summary>
[Collection(JourneyGroup.Name)]
public sealed class CredentialIssuingTests
{
    private const string Trees = "POST /repos/{owner}/{repo}/git/trees";
    private const string Commits = "POST /repos/{owner}/{repo}/git/commits";
    private const string Contents = "PUT /repos/{owner}/{repo}/contents/{path}";

    [Fact]
    public async Task FinalExamPassed_CredentialIssuedCommittedWithItsBadge_LinkedAndServed()
    {
        var port = LoopbackPorts.Free();
        var url = $"http://127.0.0.1:{port}";
        await using var harness = await JourneyHarness.StartAsync(urls: url);
        await PathOneLearner.EnrollOneExamAwayAsync(harness);
        Assert.DoesNotContain(harness.GitHub.Tree(PathOneLearner.Repository),
            p => p.StartsWith("certificates/", StringComparison.Ordinal));
        var before = new Dictionary<string, int>(harness.GitHub.Calls);

        await PathOneLearner.PassFinalExamAsync(harness);

        var calls = CallCount.Since(harness.GitHub, before);
        Console.WriteLine($"The sync that earned the certificate: {calls.Total} GitHub calls: "
            + string.Join(", ", calls.ByRoute.Select(c => $"{c.Key} x{c.Value}")));
        // Badge, README and credential file in one Git Data commit: one tree, one commit, no Contents API write.
        Assert.Equal(1, calls.ByRoute.GetValueOrDefault(Trees));
        Assert.Equal(1, calls.ByRoute.GetValueOrDefault(Commits));
        Assert.Equal(0, calls.ByRoute.GetValueOrDefault(Contents));

        var history = await harness.History.ReadAsync(PathOneLearner.Repository, CancellationToken.None);
        var entry = Assert.Single(history, e => e.Kind == LearnerEventKinds.CredentialIssued);
        Assert.Equal(PathOneLearner.Certificate, entry.Subject);
        var issued = LearnerEventJson.Read<CredentialIssued>(entry)!;
        Assert.Equal($"{url}/credentials/{issued.Id}", issued.Url);
        Assert.Equal("Certificate of Completion: Path 1, Celery Fundamentals", issued.Title);

        var file = harness.GitHub.ReadFile(PathOneLearner.Repository, "certificates/completion-fundamentals.json")!;
        Assert.Equal(issued.Jwt, CredentialFile.JwtOf(file));
        Assert.Equal("EnvelopedVerifiableCredential", (string)JsonNode.Parse(file)!["type"]!);

        var readme = harness.GitHub.ReadFile(PathOneLearner.Repository, "README.md")!;
        Assert.Contains("[![Certificate of Completion: Path 1, Celery Fundamentals](badges/certificate-completion-fundamentals.svg)]("
            + issued.Url + ")", readme, StringComparison.Ordinal);
        var share = LinkedInShareLink.For(issued);
        Assert.Contains("[share on LinkedIn](" + share + ")", readme, StringComparison.Ordinal);
        Assert.StartsWith("https://www.linkedin.com/profile/add?startTask=CERTIFICATION_NAME&name=Certificate%20of%20Completion",
            share, StringComparison.Ordinal);
        Assert.Contains("&certUrl=" + Uri.EscapeDataString(issued.Url), share, StringComparison.Ordinal);
        Assert.DoesNotContain("trk", share, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("utm_", share, StringComparison.OrdinalIgnoreCase);

        // Served: the key from the bot's JWK Set verifies the JWT with jose-jwt (not the library that signed it), and the
        // payload is an Open Badges 3.0 credential whose status points at the bot's revocation list.
        using var http = new HttpClient { BaseAddress = new Uri(url) };
        var jwks = JsonNode.Parse(await http.GetStringAsync(new Uri("/.well-known/jwks.json", UriKind.Relative)))!.AsObject();
        Assert.Null(jwks["keys"]![0]!["d"]);
        using var key = PublicKey(jwks);
        var payload = JsonNode.Parse(Jose.JWT.Decode(issued.Jwt, key, Jose.JwsAlgorithm.ES256))!;
        Assert.True(Validate(payload).IsValid);
        Assert.Equal($"{url}/credentials/revocations", (string)payload["credentialStatus"]!["id"]!);
        Assert.Equal("1EdTechRevocationList", (string)payload["credentialStatus"]!["type"]!);
        Assert.Equal(12, payload["evidence"]!.AsArray().Count);

        Assert.Equal(issued.Jwt, await GetAsync(http, $"/credentials/{issued.Id}.jwt", null));
        Assert.Equal(issued.Jwt, await GetAsync(http, $"/credentials/{issued.Id}", "application/vc+jwt"));
        var json = JsonNode.Parse(await GetAsync(http, $"/credentials/{issued.Id}", "application/json"))!;
        Assert.Equal(issued.Url, (string)json["id"]!);
        Assert.Contains("VALID", await GetAsync(http, $"/credentials/{issued.Id}", "text/html"), StringComparison.Ordinal);
        var list = JsonNode.Parse(await GetAsync(http, "/credentials/revocations", null))!;
        Assert.Empty(list["revokedCredentials"]!.AsArray());
        using var missing = await http.GetAsync(new Uri("/credentials/completion-fundamentals-0000000000000000", UriKind.Relative));
        Assert.Equal(System.Net.HttpStatusCode.NotFound, missing.StatusCode);

        // A second sync issues nothing new and writes nothing: the recorded JWT is re-served, never re-signed.
        var again = new Dictionary<string, int>(harness.GitHub.Calls);
        await harness.Inbox.TryEnqueueAsync(Core.Journey.QueuedLearnerChanges.Sync(PathOneLearner.Repository, "again"),
            CancellationToken.None);
        await harness.IdleAsync();
        Assert.Equal(0, CallCount.Since(harness.GitHub, again).Total);
        Assert.Single(await harness.History.ReadAsync(PathOneLearner.Repository, CancellationToken.None),
            e => e.Kind == LearnerEventKinds.CredentialIssued);
    }

    private static async Task<string> GetAsync(HttpClient http, string path, string? accept)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative));
        if (accept is not null)
        {
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(accept));
        }

        using var response = await http.SendAsync(request);
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    private static ValidationOutcome Validate(JsonNode credential) => new(OpenBadgesSchema.Errors(credential));

    internal static ECDsa PublicKey(JsonObject jwks)
    {
        var jwk = jwks["keys"]![0]!;
        return ECDsa.Create(new ECParameters
        {
            Curve = ECCurve.NamedCurves.nistP256,
            Q = new ECPoint { X = Jose.Base64Url.Decode((string)jwk["x"]!), Y = Jose.Base64Url.Decode((string)jwk["y"]!) },
        });
    }
}
