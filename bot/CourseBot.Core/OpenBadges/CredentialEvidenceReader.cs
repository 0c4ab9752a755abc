using System.Globalization;
using CourseBot.Core.Curriculum.Model;
using CourseBot.Core.Journey.Progression;
using CourseBot.Core.Journey.Sync;

namespace CourseBot.Core.OpenBadges;

/// <summary>The evidence of a certificate from the learner's record: each passed module of the paths it covers (its issue) and
/// capstone pull requests.</summary>
public static class CredentialEvidenceReader
{
    public static IReadOnlyList<CredentialEvidence> For(Course course, LearnerLedger ledger, LearnerProgress progress,
        EarnedCertificate certificate)
    {
        ArgumentNullException.ThrowIfNull(course);
        ArgumentNullException.ThrowIfNull(ledger);
        ArgumentNullException.ThrowIfNull(progress);
        ArgumentNullException.ThrowIfNull(certificate);
        var paths = certificate.PathId is { } one ? [one] : certificate.Certification.Paths.ToArray();
        var repository = ledger.RepositoryUrl ?? "https://github.com/" + ledger.Repository;
        var evidence = new List<CredentialEvidence>();
        foreach (var module in progress.Modules.Where(m => m.State == ModuleState.Passed && paths.Contains(m.Module.Path)))
        {
            var name = string.Create(CultureInfo.InvariantCulture, $"Module {module.Module.Number:00}: {module.Module.Title}, passed");
            if (module.Capstone is { PullRequestUrl: { } pull })
            {
                evidence.Add(new CredentialEvidence(pull,
                    $"Capstone {module.Module.Capstone?.Number}: {module.Module.Capstone?.Title}, approved"));
            }
            else if (ledger.ModuleIssues.TryGetValue(module.Module.Id, out var issue))
            {
                evidence.Add(new CredentialEvidence(string.Create(CultureInfo.InvariantCulture, $"{repository}/issues/{issue}"), name));
            }
        }

        return evidence;
    }
}
