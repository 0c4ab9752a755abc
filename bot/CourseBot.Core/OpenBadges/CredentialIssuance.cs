using CourseBot.Core.Curriculum.Model;
using CourseBot.Core.Journey.History;
using CourseBot.Core.Journey.Progression;
using CourseBot.Core.Journey.Sync;
using CourseBot.Core.Journey.Writing;
using Microsoft.Extensions.Logging;

namespace CourseBot.Core.OpenBadges;

/// <summary>
/// Issues a signed Open Badges credential for each certificate a learner has earned and has no credential for yet (so a learner
/// who earned certificates before credentials were turned on gets theirs on the next sync). Signing happens once per
/// certificate: the JWT is recorded and re-served, never re-signed. Does nothing while <see cref="CredentialKeyOptions.Enabled"/>
/// is false.
/// </summary>
public sealed partial class CredentialIssuance(
    Course course, CredentialKeyOptions options, Func<CredentialIssuer> issuer, Func<CredentialSigner> signer,
    CredentialRegister register, ILogger<CredentialIssuance> logger)
{
    public async Task IssueAsync(LearnerLedger ledger, LearnerProgress progress, LearnerRecorder recorder, CancellationToken cancel)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        ArgumentNullException.ThrowIfNull(progress);
        ArgumentNullException.ThrowIfNull(recorder);
        if (!options.Enabled)
        {
            return;
        }

        foreach (var certificate in progress.Certificates.Where(c => !ledger.Credentials.ContainsKey(c.Key)))
        {
            var from = issuer();
            var evidence = CredentialEvidenceReader.For(course, ledger, progress, certificate);
            var credential = OpenBadgeCredentialBuilder.Build(course, from, progress.Enrollment, certificate, evidence);
            var id = OpenBadgeCredentialBuilder.IdFor(ledger.Repository, certificate);
            var issued = new CredentialIssued(id, from.CredentialUrl(id), ProgressReadmeWriter.CertificateTitle(course, certificate),
                from.Name, certificate.At, signer().Sign(credential));
            // The register first: once the learner's README links to the page, the page must answer.
            await register.RecordIssuedAsync(ledger.Repository, issued, cancel).ConfigureAwait(false);
            await recorder.RecordAsync(certificate.Key, issued, cancel).ConfigureAwait(false);
            ledger.Credentials[certificate.Key] = issued;
            LogIssued(logger, ledger.Repository, certificate.Key, id);
        }
    }

    [LoggerMessage(EventId = 5180, Level = LogLevel.Information, Message = "{Repository}: credential {Id} issued for {Certificate}")]
    private static partial void LogIssued(ILogger logger, string repository, string certificate, string id);
}
