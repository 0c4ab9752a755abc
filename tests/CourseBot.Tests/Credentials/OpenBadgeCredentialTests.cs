using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using CourseBot.Core.OpenBadges;
using CourseBot.Tests.Journey;

namespace CourseBot.Tests.Credentials;

/// <summary>
/// A certificate as an Open Badges 3.0 credential: valid against 1EdTech's JSON schema (Fixtures/openbadges, source named there),
/// signed as an ES256 VC-JWT that jose-jwt (an independent JOSE library, not ours nor Microsoft's) verifies with the published
/// JWKS key; one changed character in the subject breaks the signature.
/// </summary>
public sealed class OpenBadgeCredentialTests
{
    private static readonly CredentialIssuer Issuer = new("Academy", new Uri("https://github.com/academy"),
        new Uri("https://bot.example.org/"));

    [Fact]
    public void PathCertificate_IsAnOpenBadgeCredential_ValidAgainstTheSchema_WithCriteriaCompetencyAndEvidence()
    {
        var credential = Credential();
        var result = Validate(credential);
        Assert.True(result.IsValid, string.Join("\n", result.Errors));
        Assert.Equal(["VerifiableCredential", "OpenBadgeCredential"], credential["type"]!.AsArray().Select(t => (string)t!));
        Assert.Equal("https://github.com/ada", (string)credential["credentialSubject"]!["id"]!);
        var achievement = credential["credentialSubject"]!["achievement"]!;
        Assert.Equal("Individual path completion: Path 1, Basics. Each path complete: all modules completed, "
            + "capstone project submitted and approved, "
            + "final exam score ≥ 85 %, peer review participation.", (string)achievement["criteria"]!["narrative"]!);
        Assert.Contains("Competency Level 1 · Foundation: can write tasks", (string)achievement["description"]!, StringComparison.Ordinal);
        var evidence = credential["evidence"]!.AsArray().Select(e => (string)e!["id"]!).ToList();
        Assert.Equal(["https://github.com/academy/mini-ada/issues/1", "https://github.com/academy/mini-ada/issues/2"], evidence);
        Assert.StartsWith("https://bot.example.org/credentials/completion-basics-", (string)credential["id"]!, StringComparison.Ordinal);
        // No e-mail address or other private detail: the subject is the public profile URL.
        Assert.DoesNotMatch(@"[\w.+-]+@[\w-]+\.", credential.ToJsonString());
    }

    [Fact]
    public void SignedVcJwt_VerifiesWithAnIndependentLibrary_AndTheSchemaHoldsForItsPayload()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var signer = new CredentialSigner(key);
        var jwt = signer.Sign(Credential());

        using var published = PublicKey(signer.Jwks());
        var headers = Jose.JWT.Headers(jwt);
        Assert.Equal("ES256", headers["alg"]);
        Assert.Equal("vc+jwt", headers["typ"]);
        Assert.Equal(signer.KeyId, headers["kid"]);
        var payload = JsonNode.Parse(Jose.JWT.Decode(jwt, published, Jose.JwsAlgorithm.ES256))!;
        Assert.True(Validate(payload).IsValid);
        Assert.Equal("https://github.com/ada", (string)payload["sub"]!);
        Assert.Equal((string)payload["id"]!, (string)payload["jti"]!);
    }

    [Fact]
    public void OneCharacterChangedInTheSubject_FailsVerification()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var signer = new CredentialSigner(key);
        var parts = signer.Sign(Credential()).Split('.');
        var payload = Encoding.UTF8.GetString(Jose.Base64Url.Decode(parts[1]));
        Assert.Contains("https://github.com/ada", payload, StringComparison.Ordinal);
        var tampered = payload.Replace("https://github.com/ada", "https://github.com/adb", StringComparison.Ordinal);
        var forged = $"{parts[0]}.{Jose.Base64Url.Encode(Encoding.UTF8.GetBytes(tampered))}.{parts[2]}";

        using var published = PublicKey(signer.Jwks());
        Assert.Throws<Jose.IntegrityException>(() => Jose.JWT.Decode(forged, published, Jose.JwsAlgorithm.ES256));
    }

    [Fact]
    public void AnotherKey_DoesNotVerify()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var other = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var jwt = new CredentialSigner(key).Sign(Credential());
        using var wrong = PublicKey(new CredentialSigner(other).Jwks());
        Assert.Throws<Jose.IntegrityException>(() => Jose.JWT.Decode(jwt, wrong, Jose.JwsAlgorithm.ES256));
    }

    [Fact]
    public void SchemaShippedInTheBot_IsTheFixtureUnchanged()
    {
        var fixture = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "openbadges", "achievementcredential.json"));
        Assert.Equal(fixture, OpenBadgesSchema.Text());
    }

    [Fact]
    public void SchemaRejects_ACredentialWithoutItsIssuer()
    {
        var credential = Credential();
        credential.Remove("issuer");
        Assert.Contains(OpenBadgesSchema.Errors(credential), e => e.Contains("issuer", StringComparison.Ordinal));
    }

    /// <summary>The schema the bot ships (the fixture's copy, compared above): one registry entry per process.</summary>
    private static ValidationOutcome Validate(JsonNode credential) => new(OpenBadgesSchema.Errors(credential));

    /// <summary>Path 1 of the small course completed by Ada, as a credential.</summary>
    private static JsonObject Credential()
    {
        var learner = new MiniLearner().Quiz("first/quiz", 100).Lab(tasks: 6).Quiz("second/final-exam", 90);
        var progress = learner.Progress;
        var certificate = Assert.Single(progress.Certificates);
        var evidence = CredentialEvidenceReader.For(MiniLearner.Course, learner.Ledger, progress, certificate);
        return OpenBadgeCredentialBuilder.Build(MiniLearner.Course, Issuer, progress.Enrollment, certificate, evidence);
    }

    /// <summary>The public key rebuilt from the published JWK Set alone, as a verifier outside the bot would.</summary>
    private static ECDsa PublicKey(JsonObject jwks)
    {
        var jwk = jwks["keys"]![0]!;
        return ECDsa.Create(new ECParameters
        {
            Curve = ECCurve.NamedCurves.nistP256,
            Q = new ECPoint { X = Jose.Base64Url.Decode((string)jwk["x"]!), Y = Jose.Base64Url.Decode((string)jwk["y"]!) },
        });
    }
}
