using CourseBot.Core.Journey.History;
using Octokit;

namespace CourseBot.Core.Journey.Sync;

/// <summary>
/// Every comment the bot posts in answer to something (a command, a quiz, an enrollment, a passed
/// module) goes through here: posted once per key, however often the event is delivered, and
/// recorded in the learner's history.
/// </summary>
public static class LearnerReplies
{
    /// <param name="github">The installation's client.</param>
    /// <param name="ledger">The learner's record (its replies say what was answered already).</param>
    /// <param name="recorder">Where the reply is recorded.</param>
    /// <param name="number">The issue to answer.</param>
    /// <param name="key">What is answered (<c>comment:ID</c>, <c>quiz:N</c>...).</param>
    /// <param name="text">The reply; empty: nothing is posted, the key is still recorded.</param>
    /// <param name="close">Close the issue after replying.</param>
    /// <param name="repository">The issue's repository when it is not the learner's (the course repository's Enroll issue).</param>
    /// <param name="cancel">Cancellation.</param>
    /// <returns>False when the key was answered before.</returns>
    public static async Task<bool> PostOnceAsync(
        IGitHubClient github,
        LearnerLedger ledger,
        LearnerRecorder recorder,
        int number,
        string key,
        string text,
        bool close,
        string? repository,
        CancellationToken cancel
    )
    {
        ArgumentNullException.ThrowIfNull(github);
        ArgumentNullException.ThrowIfNull(ledger);
        ArgumentNullException.ThrowIfNull(recorder);
        ArgumentNullException.ThrowIfNull(text);
        if (!ledger.Replies.Add(key))
        {
            return false;
        }

        var (owner, name) = repository?.Split('/') is [var o, var n] ? (o, n) : (ledger.Owner, ledger.Name);
        if (text.Length > 0)
        {
            await github.Issue.Comment.Create(owner, name, number, text).ConfigureAwait(false);
        }

        if (close)
        {
            await github
                .Issue.Update(owner, name, number, new IssueUpdate { State = ItemState.Closed, StateReason = ItemStateReason.Completed })
                .ConfigureAwait(false);
        }

        await recorder.RecordAsync(key, new ReplyPosted(Issue: number), cancel).ConfigureAwait(false);
        return true;
    }
}
