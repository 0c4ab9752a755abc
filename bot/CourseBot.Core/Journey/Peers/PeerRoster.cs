using CourseBot.Core.Curriculum.Model;
using CourseBot.Core.Journey.History;
using CourseBot.Core.Journey.Sync;
using CourseBot.Core.Storage;

namespace CourseBot.Core.Journey.Peers;

/// <summary>
/// The enrolled learners, read from their histories: who may review a capstone (same cohort, the module reached or passed,
/// not the author) and which repository a reviewing peer's participation is recorded in.
/// </summary>
public sealed class PeerRoster(Course course, JourneyOptions options, ILearnerEvents history)
{
    /// <summary>
    /// Up to <paramref name="count"/> peers for the author's capstone module, fewest peer reviews given first, then by login:
    /// the same history gives the same choice, so a redelivered webhook asks the same peers.
    /// </summary>
    public async Task<IReadOnlyList<string>> ChooseAsync(LearnerLedger author, string moduleId, int count, CancellationToken cancel)
    {
        ArgumentNullException.ThrowIfNull(author);
        if (author.Enrollment is not { } enrollment || count <= 0)
        {
            return [];
        }

        var candidates = new List<(string Login, int Given)>();
        // One pass over the store (one query on SQLite, one table scan on Azure) rather than a read per learner.
        await foreach (var events in history.ReadEveryHistoryAsync(cancel).ConfigureAwait(false))
        {
            var ledger = LearnerLedger.From(events[0].Repository, events);
            if (ledger.Enrollment is not { } peer || ledger.Repository.Equals(author.Repository, StringComparison.OrdinalIgnoreCase)
                || peer.Login.Equals(enrollment.Login, StringComparison.OrdinalIgnoreCase)
                || !string.Equals(peer.Cohort, enrollment.Cohort, StringComparison.OrdinalIgnoreCase)
                || ledger.Progress(course)?.Module(moduleId) is not { IsUnlocked: true })
            {
                continue;
            }

            candidates.Add((peer.Login, events.Count(e => e.Kind == LearnerEventKinds.PeerReviewGiven)));
        }

        return
        [
            .. candidates.OrderBy(c => c.Given).ThenBy(c => c.Login, StringComparer.OrdinalIgnoreCase).Take(count).Select(c => c.Login),
        ];
    }

    /// <summary>
    /// The enrolled learner's repository for a login, or null: the repository the bot names after the login, when its history
    /// holds that login's enrollment (one history read, not every learner's).
    /// </summary>
    public async Task<string?> RepositoryOfAsync(string login, CancellationToken cancel)
    {
        ArgumentNullException.ThrowIfNull(login);
        var repository = $"{options.CourseOwner}/{options.RepositoryPrefix}{login.ToLowerInvariant()}";
        var ledger = LearnerLedger.From(repository, await history.ReadAsync(repository, cancel).ConfigureAwait(false));
        return ledger.Enrollment?.Login.Equals(login, StringComparison.OrdinalIgnoreCase) == true ? repository : null;
    }
}
