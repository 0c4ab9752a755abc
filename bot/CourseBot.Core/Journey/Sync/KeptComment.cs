using CourseBot.Core.Journey.History;
using Octokit;

namespace CourseBot.Core.Journey.Sync;

/// <summary>
/// A comment the bot keeps current rather than posting again (a module's results, a capstone's rubric): created once under its
/// key, edited when its text changes, left alone (no call) when the recorded hash says it is already what it should be.
/// </summary>
public static class KeptComment
{
    public static async Task UpsertAsync(
        IGitHubClient github, LearnerLedger ledger, LearnerRecorder recorder, string key, int issue, string body, CancellationToken cancel)
    {
        ArgumentNullException.ThrowIfNull(github);
        ArgumentNullException.ThrowIfNull(ledger);
        ArgumentNullException.ThrowIfNull(recorder);
        var hash = ContentHash.Of(body);
        long id;
        if (ledger.Comments.TryGetValue(key, out var comment))
        {
            if (comment.Hash == hash)
            {
                return;
            }

            await github.Issue.Comment.Update(ledger.Owner, ledger.Name, comment.Id, body).ConfigureAwait(false);
            id = comment.Id;
        }
        else
        {
            id = (await github.Issue.Comment.Create(ledger.Owner, ledger.Name, issue, body).ConfigureAwait(false)).Id;
        }

        ledger.Comments[key] = (id, hash);
        await recorder.RecordAsync(key, new ResultsCommentWritten(id, hash), cancel).ConfigureAwait(false);
    }
}
