using CourseBot.Core.Journey.Commands;
using CourseBot.Core.Journey.Forms;
using CourseBot.Core.Journey.History;
using CourseBot.Core.Journey.Sync;
using Microsoft.Extensions.Logging;
using Octokit;

namespace CourseBot.Core.Journey;

/// <summary>
/// Instructor commands on a learner's enrollment: <c>/cohort NAME</c> moves them to another cohort (peers, regrades and
/// cohort views follow the record), <c>/unenroll</c> archives their repository (kept read-only, never deleted) and stops
/// the bot writing to it. Both are checked against the instructors team on every use; anyone else is refused, nothing
/// recorded.
/// </summary>
public sealed partial class CohortDesk(JourneyOptions options, ILogger<CohortDesk> logger)
{
    /// <summary>Runs the command: the reply (empty when posted here already), and whether the repository should be synced.</summary>
    public async Task<(string Reply, bool Changed)> RunAsync(
        IGitHubClient github,
        LearnerLedger ledger,
        LearnerRecorder recorder,
        CommentCreated comment,
        LearnerCommand command,
        CancellationToken cancel
    )
    {
        ArgumentNullException.ThrowIfNull(github);
        ArgumentNullException.ThrowIfNull(ledger);
        ArgumentNullException.ThrowIfNull(comment);
        ArgumentNullException.ThrowIfNull(command);
        var name = "/" + command.Kind.ToString().ToLowerInvariant();
        if (!await InstructorTeam.IsMemberAsync(github, options, comment.Author).ConfigureAwait(false))
        {
            LogRefused(logger, comment.Author, command.Kind, ledger.Repository);
            return ($"`{name}` is for instructors (members of the `{options.InstructorsTeam}` team); nothing was recorded.", false);
        }

        var current = ledger.Enrollment?.Cohort;
        if (command.Kind == CommandKind.Cohort)
        {
            if (!CohortName.IsValid(command.Argument))
            {
                return ($"Usage: `/cohort NAME`, NAME {CohortName.Rule}.", false);
            }

            if (string.Equals(current, command.Argument, StringComparison.Ordinal))
            {
                return ($"@{ledger.Enrollment?.Login} is in cohort `{current}` already; nothing changed.", false);
            }

            await recorder
                .RecordAsync(command.Argument!, new CohortMoved(command.Argument, current, comment.Author, comment.CommentId), cancel)
                .ConfigureAwait(false);
            LogMoved(logger, ledger.Repository, current ?? "(none)", command.Argument!);
            var from = current is null ? "no cohort" : $"cohort `{current}`";
            return ($"👥 @{comment.Author} moved @{ledger.Enrollment?.Login} from {from} to cohort `{command.Argument}`.", false);
        }

        // The reply goes first: an archived repository takes no more comments.
        var text = $"📦 @{comment.Author} unenrolled @{ledger.Enrollment?.Login}: this repository is archived (kept, read-only) "
            + "and CourseBot no longer updates it. An instructor can unarchive it in the repository's settings.";
        await recorder.RecordAsync("", new Unenrolled(comment.Author, comment.CommentId, Archived: false), cancel).ConfigureAwait(false);
        await LearnerReplies
            .PostOnceAsync(
                github,
                ledger,
                recorder,
                comment.Issue,
                $"comment:{comment.CommentId}",
                text,
                close: false,
                repository: null,
                cancel
            )
            .ConfigureAwait(false);
        await github.Repository.Edit(ledger.Owner, ledger.Name, new RepositoryUpdate { Archived = true }).ConfigureAwait(false);
        await recorder.RecordAsync("", new Unenrolled(comment.Author, comment.CommentId, Archived: true), cancel).ConfigureAwait(false);
        LogUnenrolled(logger, ledger.Repository, comment.Author);
        return ("", false);
    }

    [LoggerMessage(
        EventId = 5320,
        Level = LogLevel.Warning,
        Message = "Refused {Command} from {Login} in {Repository}: not in the instructors team"
    )]
    private static partial void LogRefused(ILogger logger, string login, CommandKind command, string repository);

    [LoggerMessage(EventId = 5321, Level = LogLevel.Information, Message = "{Repository} moved from cohort {From} to {To}")]
    private static partial void LogMoved(ILogger logger, string repository, string from, string to);

    [LoggerMessage(EventId = 5322, Level = LogLevel.Information, Message = "{Repository} unenrolled by {Login}; repository archived")]
    private static partial void LogUnenrolled(ILogger logger, string repository, string login);
}
