using System.Text.Json.Nodes;
using CourseBot.Core.Curriculum.Model;
using CourseBot.Core.Journey.Capstones;
using CourseBot.Core.Journey.History;
using CourseBot.Core.Storage;

namespace CourseBot.Tests.Journey;

/// <summary>A capstone's status from its recorded events, in any order, and the course's stale_on_push rule.</summary>
public sealed class CapstoneStatusReaderTests
{
    private const string Module = "capstone-background-processing";
    private static readonly DateTimeOffset T0 = new(2026, 12, 7, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void PushAfterApproval_KeepsIt_UnlessTheCourseSaysStale()
    {
        LearnerEvent[] events = [Pull(1, "opened", "a", 0), Review(2, 10, "approved", "a", 5), Pull(3, "synchronize", "b", 9)];
        Assert.Equal(CapstoneState.Approved, CapstoneStatusReader.Read(new CapstoneRules(false), Module, events).State);
        var stale = CapstoneStatusReader.Read(new CapstoneRules(true), Module, events);
        Assert.Equal(CapstoneState.Waiting, stale.State);
        Assert.Contains("went stale", stale.Note, StringComparison.Ordinal);

        // A push the approval already saw (same head) or one older than it does not make it stale.
        LearnerEvent[] seen = [Pull(1, "opened", "a", 0), Pull(3, "synchronize", "a", 9), Review(2, 10, "approved", "a", 5)];
        Assert.Equal(CapstoneState.Approved, CapstoneStatusReader.Read(new CapstoneRules(true), Module, seen).State);
    }

    [Fact]
    public void AnyArrivalOrder_GivesTheSameStatus()
    {
        LearnerEvent[] events =
        [
            Pull(1, "opened", "a", 0),
            Review(2, 10, "changes_requested", "a", 2),
            Pull(3, "synchronize", "b", 3),
            Review(4, 11, "approved", "b", 4),
            Review(5, 11, "dismissed", "b", 4),
            Review(6, 12, "approved", "b", 6),
            Pull(7, "closed", "b", 7),
        ];
        var expected = CapstoneStatusReader.Read(new CapstoneRules(false), Module, events);
        Assert.Equal(CapstoneState.Approved, expected.State);
        var random = new Random(5);
        for (var i = 0; i < 20; i++)
        {
            var shuffled = events.OrderBy(_ => random.Next()).Select((e, n) => e with { Sequence = n }).ToList();
            Assert.Equal(
                expected with
                {
                    Scores = [],
                },
                CapstoneStatusReader.Read(new CapstoneRules(false), Module, shuffled) with
                {
                    Scores = [],
                }
            );
        }

        // The approval dismissed: the earlier request for changes decides again.
        Assert.Equal(
            CapstoneState.ChangesRequested,
            CapstoneStatusReader.Read(new CapstoneRules(false), Module, [.. events.Take(5)]).State
        );
    }

    [Fact]
    public void DraftIsNotWaiting_AndClosedWithoutReviewIsNotSubmitted()
    {
        Assert.Equal(
            CapstoneState.Draft,
            CapstoneStatusReader.Read(new CapstoneRules(false), Module, [Pull(1, "opened", "a", 0, draft: true)]).State
        );
        Assert.Equal(
            CapstoneState.Waiting,
            CapstoneStatusReader
                .Read(new CapstoneRules(false), Module, [Pull(1, "opened", "a", 0, draft: true), Pull(2, "ready_for_review", "a", 1)])
                .State
        );
        Assert.Equal(
            CapstoneState.NotSubmitted,
            CapstoneStatusReader
                .Read(new CapstoneRules(false), Module, [Pull(1, "opened", "a", 0), Pull(2, "closed", "a", 1, open: false)])
                .State
        );
    }

    private static LearnerEvent Pull(long sequence, string action, string head, int minute, bool draft = false, bool open = true) =>
        Event(
            sequence,
            LearnerEventKinds.CapstonePullRequest,
            new JsonObject
            {
                ["number"] = 12,
                ["action"] = action,
                ["draft"] = draft,
                ["open"] = open,
                ["head"] = head,
                ["at"] = T0.AddMinutes(minute).ToString("O"),
                ["url"] = "u",
            }
        );

    private static LearnerEvent Review(long sequence, long id, string state, string commit, int minute) =>
        Event(
            sequence,
            LearnerEventKinds.CapstoneReview,
            new JsonObject
            {
                ["number"] = 12,
                ["review"] = id,
                ["state"] = state,
                ["by"] = "grace",
                ["commit"] = commit,
                ["at"] = T0.AddMinutes(minute).ToString("O"),
                ["total"] = 85,
                ["max"] = 100,
                ["scores"] = new JsonObject { ["a"] = 85 },
            }
        );

    private static LearnerEvent Event(long sequence, string kind, JsonObject data) =>
        new(sequence, "academy/celery-ada", kind, Module, T0.AddHours(sequence), data.ToJsonString());
}
