using System.Globalization;
using CourseBot.Core.Journey.Sync;
using CourseBot.Core.Oidc;
using CourseBot.Core.Storage;

namespace CourseBot.Core.LabGrading;

/// <summary>
/// Is this run the enrolled learner's repository, on a runner the course trusts? The token's
/// <c>repository_id</c> and <c>repository_owner_id</c> must be the ids the bot recorded when it created
/// the repository: a repository deleted and created again under the learner's name (or a transferred
/// one) has other ids and is refused. Self-hosted runners are the repository admin's machines, so
/// they are refused unless the course allows them.
/// </summary>
public sealed class RunIdentityCheck(GradingOptions options, ILearnerEvents history)
{
    public const string GitHubHosted = "github-hosted";

    /// <summary>Why the run is refused, or null when it is the enrolled repository's.</summary>
    public async Task<string?> RefusalAsync(ActionsRunClaims run, CancellationToken cancel)
    {
        ArgumentNullException.ThrowIfNull(run);
        if (!string.Equals(run.RunnerEnvironment, GitHubHosted, StringComparison.Ordinal) && !options.AllowSelfHostedRunners)
        {
            return $"the run used a '{(run.RunnerEnvironment.Length > 0 ? run.RunnerEnvironment : "unknown")}' runner; " +
                "this course grades on GitHub-hosted runners only (CourseBot:Grading:AllowSelfHostedRunners)";
        }

        var ledger = LearnerLedger.From(run.Repository, await history.ReadAsync(run.Repository, cancel).ConfigureAwait(false));
        if (ledger.Enrollment is null || ledger.RepositoryId is not { } id)
        {
            return $"{run.Repository} is not a learner repository this bot created";
        }

        // Repository ids are never reused, so the id alone tells a re-created repository apart; the owner's id
        // (recorded since enrollments kept it) also refuses a repository transferred out of the organisation.
        var owner = ledger.RepositoryOwnerId?.ToString(CultureInfo.InvariantCulture);
        var same = run.RepositoryId == id.ToString(CultureInfo.InvariantCulture) && (owner is null || run.RepositoryOwnerId == owner);
        return same
            ? null
            : $"{run.Repository} (repository id {run.RepositoryId}, owner id {run.RepositoryOwnerId}) "
              + $"is not the repository enrolled under that name (id {id}, owner id {owner ?? "not recorded"}): "
              + "a repository deleted and created again is not the learner's";
    }
}
