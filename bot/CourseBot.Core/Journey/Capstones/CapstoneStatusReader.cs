using System.Collections.Immutable;
using CourseBot.Core.Curriculum.Model;
using CourseBot.Core.Journey.History;
using CourseBot.Core.Storage;

namespace CourseBot.Core.Journey.Capstones;

/// <summary>
/// Derives a capstone's status from the recorded pull request and review events, by GitHub's own
/// timestamps and ids rather than by arrival order, so duplicated or shuffled deliveries give the same
/// answer: a dismissed review never counts, whichever delivery came first; the latest counted review
/// (submitted_at, then id) decides; with <see cref="CapstoneRules.StaleOnPush"/> a push to the pull request
/// after an approval revokes it.
/// </summary>
public static class CapstoneStatusReader
{
    public static CapstoneStatus Read(CapstoneRules rules, string moduleId, IReadOnlyList<LearnerEvent> events) =>
        Read(rules, moduleId, DecodedEvent.Of(events));

    /// <summary>The same, from entries already decoded (a ledger's), so no entry is parsed twice.</summary>
    public static CapstoneStatus Read(CapstoneRules rules, string moduleId, IReadOnlyList<DecodedEvent> events)
    {
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(events);
        var pulls = new List<CapstonePullRequest>();
        var reviews = new List<CapstoneReview>();
        foreach (var entry in events)
        {
            // The kind is checked first: only the module's pull request and review entries are decoded.
            if (entry.Subject != moduleId)
            {
                continue;
            }

            if (entry.Kind == LearnerEventKinds.CapstonePullRequest && entry.Read<CapstonePullRequest>() is { } pull)
            {
                pulls.Add(pull);
            }
            else if (entry.Kind == LearnerEventKinds.CapstoneReview && entry.Read<CapstoneReview>() is { } review)
            {
                reviews.Add(review);
            }
        }

        if (pulls.Count == 0 && reviews.Count == 0)
        {
            return CapstoneStatus.None;
        }

        var current = pulls.GroupBy(p => p.Number)
            .Select(g => g.OrderBy(p => p.At).ThenBy(p => Rank(p.Action)).Last())
            .OrderBy(p => p.Open && !p.Draft ? 2 : p.Open ? 1 : 0)
            .ThenBy(p => p.Number)
            .LastOrDefault();
        var number = current?.Number;
        var url = current?.Url;
        var waiting = current is null || !current.Open ? CapstoneState.NotSubmitted
            : current.Draft ? CapstoneState.Draft : CapstoneState.Waiting;

        // A dismissed review does not count, whichever of its deliveries came first; the latest counted review decides.
        var decided = reviews.GroupBy(r => r.Review)
            .Where(g => !g.Any(r => r.State == "dismissed"))
            .Select(g => g.First())
            .OrderBy(r => r.At).ThenBy(r => r.Review)
            .LastOrDefault();
        if (decided is null)
        {
            return CapstoneStatus.None with { State = waiting, PullRequest = number, PullRequestUrl = url };
        }

        var reviewed = new CapstoneStatus(
            CapstoneState.ChangesRequested,
            number,
            url,
            decided.By,
            decided.Url,
            decided.At,
            [],
            null,
            null,
            null
        );
        if (decided.State != "approved")
        {
            return reviewed;
        }

        var pushedAfter = rules.StaleOnPush && pulls.Any(p => p.Action == "synchronize" && p.Number == decided.Number
            && p.At > decided.At && !string.Equals(p.Head, decided.Commit, StringComparison.OrdinalIgnoreCase));
        if (pushedAfter)
        {
            return reviewed with { State = waiting, Note = $"the approval by @{decided.By} went stale: commits were pushed after it" };
        }

        var scores = decided.Scores?.Select(s => (s.Key, s.Value)).ToImmutableArray() ?? [];
        return reviewed with { State = CapstoneState.Approved, Scores = scores, Total = decided.Total, Max = decided.Max };
    }

    /// <summary>For two changes GitHub stamped at the same moment: closing outranks the rest.</summary>
    private static int Rank(string? action) => action switch
    {
        "closed" => 3,
        "reopened" or "ready_for_review" => 2,
        _ => 1,
    };
}
