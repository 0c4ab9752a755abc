using System.Globalization;
using CourseBot.Core.Journey.Capstones;
using CourseBot.Core.Journey.Progression;
using Octokit;

namespace CourseBot.Core.Journey.Sync;

/// <summary>
/// The rubric comment on each capstone pull request: posted once when the pull request is on record,
/// then edited (never posted again) when the review's status changes; no call when nothing changed.
/// </summary>
public static class RubricCommentSync
{
    public static async Task RunAsync(
        IGitHubClient github,
        LearnerLedger ledger,
        LearnerRecorder recorder,
        LearnerProgress progress,
        CancellationToken cancel
    )
    {
        ArgumentNullException.ThrowIfNull(github);
        ArgumentNullException.ThrowIfNull(ledger);
        ArgumentNullException.ThrowIfNull(recorder);
        ArgumentNullException.ThrowIfNull(progress);
        foreach (var module in progress.Modules.Where(m => m.Capstone?.PullRequest is not null))
        {
            var status = module.Capstone!;
            var number = status.PullRequest!.Value;
            var key = string.Create(CultureInfo.InvariantCulture, $"rubric:{module.Module.Id}#{number}");
            var body = RubricCommentWriter.Write(module.Module, status);
            await KeptComment.UpsertAsync(github, ledger, recorder, key, number, body, cancel).ConfigureAwait(false);
        }
    }
}
