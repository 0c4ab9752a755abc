using CourseBot.Core.Journey.History;
using CourseBot.Core.Journey.Sync;
using CourseBot.Core.OpenBadges;
using CourseBot.Tests.Infrastructure;
using CourseBot.Tests.Journey;

namespace CourseBot.Tests.Credentials;

/// <summary>The README's certificates once the certificate is a signed credential: wording checked against its golden file.</summary>
public sealed class CredentialReadmeGoldenTests
{
    [Fact]
    public void PathComplete_WithItsCredential_BadgeLinksToTheVerificationPage_AndLinkedInShares()
    {
        var learner = new MiniLearner().Quiz("first/quiz", 100).Lab(tasks: 6).Quiz("second/final-exam", 90);
        var progress = learner.Progress;
        var certificate = Assert.Single(progress.Certificates);
        var credential = new CredentialIssued("completion-basics-0123456789abcdef",
            "https://bot.example.org/credentials/completion-basics-0123456789abcdef", "Certificate of Completion: Path 1, Basics",
            "Academy", certificate.At, "e30.e30.c2ln");
        var credentials = new Dictionary<string, CredentialIssued> { [certificate.Key] = credential };

        var files = new ProgressFiles(MiniLearner.Course, progress, learner.Ledger.ModuleIssues, learner.Today, null, credentials);

        Golden.AssertMatches("readme-certified-credential.md", files.Section);
        Assert.Equal(credential.Jwt, CredentialFile.JwtOf(files.Others["certificates/completion-basics.json"]));
    }
}
