using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json.Nodes;
using CourseBot.Core.Curriculum.Model;
using CourseBot.Core.Journey.Progression;
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
    public static CapstoneStatus Read(CapstoneRules rules, string moduleId, IReadOnlyList<LearnerEvent> events)
    {
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(events);
        var pulls = events.Where(e => e.Kind == LearnerEventKinds.CapstonePullRequest && e.Subject == moduleId)
            .Select(e => LearnerEventData.Object(e)).OfType<JsonObject>().ToList();
        var reviews = events.Where(e => e.Kind == LearnerEventKinds.CapstoneReview && e.Subject == moduleId)
            .Select(e => LearnerEventData.Object(e)).OfType<JsonObject>().ToList();
        if (pulls.Count == 0 && reviews.Count == 0)
        {
            return CapstoneStatus.None;
        }

        var current = pulls.GroupBy(p => LearnerEventData.Long(p, "number") ?? 0)
            .Select(g => g.OrderBy(p => At(p)).ThenBy(p => Rank((string?)p["action"])).Last())
            .OrderBy(p => LearnerEventData.Flag(p, "open") && !LearnerEventData.Flag(p, "draft") ? 2 : LearnerEventData.Flag(p, "open") ? 1 : 0)
            .ThenBy(p => LearnerEventData.Long(p, "number"))
            .LastOrDefault();
        var number = (int?)LearnerEventData.Long(current, "number");
        var url = (string?)current?["url"];
        var waiting = current is null || !LearnerEventData.Flag(current, "open") ? CapstoneState.NotSubmitted
            : LearnerEventData.Flag(current, "draft") ? CapstoneState.Draft : CapstoneState.Waiting;

        // A dismissed review does not count, whichever of its deliveries came first; the latest counted review decides.
        var decided = reviews.GroupBy(r => LearnerEventData.Long(r, "review") ?? 0)
            .Where(g => !g.Any(r => (string?)r["state"] == "dismissed"))
            .Select(g => g.First())
            .OrderBy(r => At(r)).ThenBy(r => LearnerEventData.Long(r, "review"))
            .LastOrDefault();
        if (decided is null)
        {
            return CapstoneStatus.None with { State = waiting, PullRequest = number, PullRequestUrl = url };
        }

        var state = (string?)decided["state"];
        var reviewer = (string?)decided["by"];
        var at = At(decided);
        var reviewed = new CapstoneStatus(CapstoneState.ChangesRequested, number, url, reviewer, (string?)decided["url"], at, [], null, null, null);
        if (state != "approved")
        {
            return reviewed;
        }

        var pushedAfter = rules.StaleOnPush && pulls.Any(p => (string?)p["action"] == "synchronize"
            && LearnerEventData.Long(p, "number") == LearnerEventData.Long(decided, "number")
            && At(p) > at && !string.Equals((string?)p["head"], (string?)decided["commit"], StringComparison.OrdinalIgnoreCase));
        if (pushedAfter)
        {
            return reviewed with { State = waiting, Note = $"the approval by @{reviewer} went stale: commits were pushed after it" };
        }

        var scores = decided["scores"] is JsonObject given
            ? given.Select(s => (s.Key, LearnerEventData.Number(given, s.Key) ?? 0)).ToImmutableArray()
            : [];
        return reviewed with
        {
            State = CapstoneState.Approved, Scores = scores, Total = LearnerEventData.Number(decided, "total"), Max = LearnerEventData.Number(decided, "max"),
        };
    }

    private static DateTimeOffset At(JsonObject? data) =>
        DateTimeOffset.TryParse((string?)data?["at"], CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var at) ? at : DateTimeOffset.MinValue;

    /// <summary>For two changes GitHub stamped at the same moment: closing outranks the rest.</summary>
    private static int Rank(string? action) => action switch
    {
        "closed" => 3,
        "reopened" or "ready_for_review" => 2,
        _ => 1,
    };
}
