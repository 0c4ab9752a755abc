using System.Text.Json.Nodes;
using CourseBot.Core.Journey.History;
using CourseBot.Core.OpenBadges;
using CourseBot.Tests.Infrastructure;
using CourseBot.Tests.Journey;

namespace CourseBot.Tests.Credentials;

/// <summary>
/// The public verification page (<c>/credentials/{id}</c>) for one fixed credential of <c>Fixtures/minimal</c>: valid, revoked,
/// and with a hostile login and note, each compared byte for byte with its golden file. The payload is built, not signed, so the
/// page is the same on every run (only the JWT's signature would differ, and the page does not show it).
/// </summary>
public sealed class CredentialPageGoldenTests
{
    private const string Hostile = "<img src=x onerror=\"window.__pwned=true\"><script>window.__pwned=true</script>";

    private static readonly CredentialIssuer Issuer = new("Academy", new Uri("https://github.com/academy"),
        new Uri("https://bot.example.org/"));

    [Fact]
    public void VerificationPage_Valid()
    {
        var (issued, payload) = Credential();
        Golden.AssertMatches("credential-page-valid.html", CredentialPageWriter.Write(new(issued, null), payload, Issuer.JwksUrl));
    }

    [Fact]
    public void VerificationPage_Revoked()
    {
        var (issued, payload) = Credential();
        var revoked = new CredentialRevoked("Issued by mistake: the final exam was graded twice.", "grace");
        Golden.AssertMatches("credential-page-revoked.html", CredentialPageWriter.Write(new(issued, revoked), payload, Issuer.JwksUrl));
    }

    [Fact]
    public void VerificationPage_HostileLoginAndNote_AreEncoded()
    {
        var (issued, payload) = Credential();
        payload["credentialSubject"]!["id"] = "https://github.com/" + Hostile;
        payload["credentialSubject"]!["narrative"] = "Earned by " + Hostile;
        var page = CredentialPageWriter.Write(new(issued, null), payload, Issuer.JwksUrl);
        Assert.DoesNotContain("<script>", page, StringComparison.Ordinal);
        Assert.DoesNotContain("<img", page, StringComparison.Ordinal);
        Golden.AssertMatches("credential-page-hostile.html", page);
    }

    /// <summary>Path 1 of the small course completed by Ada on the fixed clock: the register's record and its payload.</summary>
    private static (CredentialIssued Issued, JsonObject Payload) Credential()
    {
        var learner = new MiniLearner().Quiz("first/quiz", 100).Lab(tasks: 6).Quiz("second/final-exam", 90);
        var progress = learner.Progress;
        var certificate = Assert.Single(progress.Certificates);
        var evidence = CredentialEvidenceReader.For(MiniLearner.Course, learner.Ledger, progress, certificate);
        var payload = OpenBadgeCredentialBuilder.Build(MiniLearner.Course, Issuer, progress.Enrollment, certificate, evidence);
        var id = OpenBadgeCredentialBuilder.IdFor(MiniLearner.Repository, certificate);
        var title = Core.Journey.Writing.ProgressReadmeWriter.CertificateTitle(MiniLearner.Course, certificate);
        var issued = new CredentialIssued(id, Issuer.CredentialUrl(id), title, "Academy",
            certificate.At, "e30.e30.c2ln", MiniLearner.Repository);
        return (issued, payload);
    }
}
