using CourseBot.Core.Journey.History;
using CourseBot.Core.Journey.Sync;

namespace CourseBot.Core.Journey.Peers;

/// <summary>
/// Read from a capstone author's history: which of their pull requests still wait for peers (open, ready for review, fewer
/// peers assigned than <see cref="JourneyOptions.PeerReviewers"/>, and not yet told that no peer is available), since when,
/// and who was assigned. Shared by <see cref="PeerReviewDesk"/> and the reconciler, which asks again until the wait is over.
/// </summary>
public static class PeerWaiting
{
    public static string NoPeerKey(int number) => $"no-peer:{number}";

    /// <summary>Every peer assigned to the pull request, over all assignments (more may join while it waits).</summary>
    public static IReadOnlyList<string> Assigned(LearnerLedger ledger, int number)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        return [.. ledger.Events.Where(e => e.Kind == LearnerEventKinds.PeerReviewersAssigned)
            .Select(LearnerEventJson.Read<PeerReviewersAssigned>).Where(a => a?.Number == number)
            .SelectMany(a => a!.Peers).Distinct(StringComparer.OrdinalIgnoreCase)];
    }

    /// <summary>When the bot first recorded the pull request open and ready for review (its own clock), or null.</summary>
    public static DateTimeOffset? ReadySince(LearnerLedger ledger, int number)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        return ledger.Events.Where(e => e.Kind == LearnerEventKinds.CapstonePullRequest)
            .FirstOrDefault(e => LearnerEventJson.Read<CapstonePullRequest>(e) is { Open: true, Draft: false } p && p.Number == number)?.At;
    }

    /// <summary>
    /// The capstone pull requests (numbers) that still wait for peers at <paramref name="now"/>: within the wait, or past it with
    /// no peer at all and not told so yet (one more look, then the message).
    /// </summary>
    public static IEnumerable<int> Waiting(LearnerLedger ledger, JourneyOptions options, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        ArgumentNullException.ThrowIfNull(options);
        if (options.PeerReviewers == 0)
        {
            return [];
        }

        // The latest state of each pull request, by GitHub's updated_at (deliveries arrive in any order).
        var latest = ledger
            .Events.Where(e => e.Kind == LearnerEventKinds.CapstonePullRequest)
            .Select(LearnerEventJson.Read<CapstonePullRequest>)
            .OfType<CapstonePullRequest>()
            .GroupBy(p => p.Number)
            .Select(g => g.MaxBy(p => p.At)!);
        return latest
            .Where(p =>
                p.Open
                && !p.Draft
                && !ledger.Replies.Contains(NoPeerKey(p.Number))
                && Assigned(ledger, p.Number).Count is var assigned
                && assigned < options.PeerReviewers
                && (assigned == 0 || now - (ReadySince(ledger, p.Number) ?? now) < options.PeerWait)
            )
            .Select(p => p.Number);
    }
}
