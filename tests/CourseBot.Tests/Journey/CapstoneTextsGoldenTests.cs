using System.Text;
using CourseBot.Core.Journey.Capstones;
using CourseBot.Tests.Infrastructure;

namespace CourseBot.Tests.Journey;

/// <summary>
/// The capstone texts an instructor and a learner read, for capstone 1 of the real Celery course, compared byte for byte
/// with their golden files: the rubric comment on the pull request, and the status line in each state (the rubric comment,
/// the module issue and the README's cell show these).
/// </summary>
public sealed class CapstoneTextsGoldenTests
{
    private const string Pull = "https://github.com/academy/celery-ada/pull/12";

    /// <summary>The note <see cref="CapstoneStatusReader"/> writes when commits follow an approval.</summary>
    private const string Stale = "the approval by @grace went stale: commits were pushed after it";

    private static readonly DateTimeOffset At = new(2027, 3, 2, 14, 30, 0, TimeSpan.Zero);

    [Fact]
    public void RubricComment_WaitingForReview()
    {
        var module = CeleryCourse.Course.Modules.First(m => m.Capstone is not null);
        var status = new CapstoneStatus(CapstoneState.Waiting, 12, Pull, null, null, At, [], null, null, null);
        Golden.AssertMatches("capstone-rubric-comment.md", RubricCommentWriter.Write(module, status));
    }

    [Fact]
    public void StatusLines_InEveryState()
    {
        var module = CeleryCourse.Course.Modules.First(m => m.Capstone is not null);
        var max = module.Capstone!.Rubric.Sum(r => r.Weight);
        var review = Pull + "#pullrequestreview-9004";
        CapstoneStatus[] states =
        [
            CapstoneStatus.None,
            new(CapstoneState.Draft, 12, Pull, null, null, At, [], null, null, null),
            new(CapstoneState.Waiting, 12, Pull, null, null, At, [], null, null, null),
            new(CapstoneState.Waiting, 12, Pull, "grace", review, At, [], null, null, Stale),
            new(CapstoneState.ChangesRequested, 12, Pull, "grace", review, At, [], null, null, null),
            new(CapstoneState.Approved, 12, Pull, "grace", review, At, [], max - 1.5, max, null),
        ];
        var text = new StringBuilder("| State | Describe (rubric comment, module issue) | Cell (README) |\n|---|---|---|\n");
        foreach (var status in states)
        {
            text.Append($"| {status.State} | {CapstoneStatusText.Describe(status)} | {CapstoneStatusText.Cell(status)} |\n");
        }

        Golden.AssertMatches("capstone-status-lines.md", text.ToString());
    }
}
