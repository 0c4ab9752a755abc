using CourseBot.Core.Curriculum.Model;
using CourseBot.Core.Journey.Commands;
using CourseBot.Core.Journey.History;
using CourseBot.Core.Journey.Progression;
using CourseBot.Core.Journey.Sync;
using CourseBot.Core.Journey.Writing;
using Microsoft.Extensions.Logging;
using Octokit;

namespace CourseBot.Core.Journey;

/// <summary>
/// Slash commands in learner repositories. Learner commands: <c>/help</c>, <c>/recheck</c>,
/// <c>/quiz</c>. Instructor commands (<c>/approve</c>, <c>/place</c>) are checked against the
/// instructors team on every use and refused, with a reason, to anyone else. The schedule commands
/// (<c>/extend</c>, <c>/pace</c>, <c>/pause</c>, <c>/resume</c>) are <see cref="ScheduleDesk"/>'s.
/// </summary>
public sealed partial class CommandDesk(
    Course course,
    JourneyOptions options,
    QuizDesk quizzes,
    ScheduleDesk schedule,
    CohortDesk cohorts,
    ILogger<CommandDesk> logger
)
{
    /// <summary>Runs a command; true when the learner's record changed and the repository should be synced.</summary>
    public async Task<bool> RunAsync(
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
        if (command.Kind == CommandKind.Quiz)
        {
            return await quizzes.StartAsync(github, ledger, recorder, comment, command.Argument, cancel).ConfigureAwait(false);
        }

        var replyKey = $"comment:{comment.CommentId}";
        if (ledger.Replies.Contains(replyKey))
        {
            return false;
        }

        var (text, changed) = command.Kind switch
        {
            CommandKind.Help => (HelpReplyWriter.Write(ledger.Progress(course)!, ledger.ModuleForIssue(comment.Issue)), false),
            CommandKind.Recheck => await RecheckAsync(github, ledger).ConfigureAwait(false),
            CommandKind.Approve or CommandKind.Place or CommandKind.WaivePeerReview => await InstructorAsync(
                    github,
                    ledger,
                    recorder,
                    comment,
                    command,
                    cancel
                )
                .ConfigureAwait(false),
            CommandKind.Cohort or CommandKind.Unenroll => await cohorts
                .RunAsync(github, ledger, recorder, comment, command, cancel)
                .ConfigureAwait(false),
            CommandKind.Extend or CommandKind.Pace or CommandKind.Pause or CommandKind.Resume => await schedule
                .RunAsync(github, ledger, recorder, comment, command, cancel)
                .ConfigureAwait(false),
            _ => ("", false),
        };
        await LearnerReplies
            .PostOnceAsync(github, ledger, recorder, comment.Issue, replyKey, text, close: false, repository: null, cancel)
            .ConfigureAwait(false);
        return changed;
    }

    /// <summary>
    /// Runs the grading workflow again on the latest commit; the repository is synced from the record too (repairing anything out of date).
    /// </summary>
    private static async Task<(string, bool)> RecheckAsync(IGitHubClient github, LearnerLedger ledger)
    {
        try
        {
            await github
                .Actions.Workflows.CreateDispatch(ledger.Owner, ledger.Name, "grade.yml", new CreateWorkflowDispatch("main"))
                .ConfigureAwait(false);
            return (
                "🔁 Grading your latest commit again; the results comment updates when the run finishes (usually within a few minutes).",
                true
            );
        }
        catch (NotFoundException)
        {
            return (
                "I could not start the grading workflow (`.github/workflows/grade.yml` is missing or disabled in this repository). Your "
                + "recorded results are shown as they are.",
                true
            );
        }
    }

    private async Task<(string, bool)> InstructorAsync(
        IGitHubClient github,
        LearnerLedger ledger,
        LearnerRecorder recorder,
        CommentCreated comment,
        LearnerCommand command,
        CancellationToken cancel
    )
    {
        if (!await InstructorTeam.IsMemberAsync(github, options, comment.Author).ConfigureAwait(false))
        {
            LogRefused(logger, comment.Author, command.Kind, ledger.Repository);
            return (
                $"`/{Name(command.Kind)}` is for instructors (members of the `{options.InstructorsTeam}` team); nothing was recorded.",
                false
            );
        }

        var progress = ledger.Progress(course)!;
        if (command.Kind == CommandKind.Place)
        {
            if (command.Argument is null || course.FindPath(command.Argument) is not { } path)
            {
                return ($"Usage: `/place PATH` with one of {string.Join(", ", course.Paths.Select(p => $"`{p.Id}`"))}.", false);
            }

            await recorder.RecordAsync(path.Id, new Placed(comment.Author, comment.CommentId, null, null), cancel).ConfigureAwait(false);
            return ($"Placed into **Path {path.Number}: {path.Title}** by @{comment.Author}: its first modules open now.", true);
        }

        var moduleId = ledger.ModuleForIssue(comment.Issue);
        if (moduleId is null || progress.Module(moduleId) is not { } module)
        {
            return ($"`/{Name(command.Kind)}` works in a module issue.", false);
        }

        if (command.Kind == CommandKind.WaivePeerReview)
        {
            return await WaivePeerReviewAsync(ledger, recorder, comment, module.Module, cancel).ConfigureAwait(false);
        }

        var reviews = module.Assessments.Where(a => a.Assessment.Grading == Grading.Review).ToList();
        var target = reviews.FirstOrDefault(a => a.Id == command.Argument);
        if (target is null)
        {
            return ($"Usage: `/approve ASSESSMENT` with one of {string.Join(", ", reviews.Select(r => $"`{r.Id}`"))}.", false);
        }

        if (target.Done)
        {
            return ($"**{target.Assessment.Title}** is already approved.", false);
        }

        var approval = new ReviewApproved(comment.Author, comment.CommentId);
        await recorder.RecordAsync($"{module.Module.Id}/{target.Id}", approval, cancel).ConfigureAwait(false);
        LogApproved(logger, comment.Author, module.Module.Id, target.Id, ledger.Repository);
        return ("", true); // the ticked box in the issue says it; no extra comment
    }

    private static string Name(CommandKind kind) =>
        kind == CommandKind.WaivePeerReview ? "waive-peer-review" : kind.ToString().ToLowerInvariant();

    /// <summary>
    /// Waives <c>passing.path.peer_review</c> for the path of the module issue's module: for the last learner of a small cohort,
    /// who has no classmate's capstone left to review. Recorded once; refused where the path asks for no peer review.
    /// </summary>
    private async Task<(string, bool)> WaivePeerReviewAsync(
        LearnerLedger ledger, LearnerRecorder recorder, CommentCreated comment, Module module, CancellationToken cancel)
    {
        if (course.FindPath(module.Path) is not { } path || PeerReviewRule.Required(course, path) == 0)
        {
            return ("This module's path asks for no peer review; nothing was recorded.", false);
        }

        if (ledger.Events.Any(e => e.Kind == LearnerEventKinds.PeerReviewWaived && e.Subject == path.Id))
        {
            return ($"Peer review is already waived for **Path {path.Number}: {path.Title}**.", false);
        }

        await recorder.RecordAsync(path.Id, new PeerReviewWaived(comment.Author, comment.CommentId), cancel).ConfigureAwait(false);
        LogWaived(logger, comment.Author, path.Id, ledger.Repository);
        return ($"Peer review waived for **Path {path.Number}: {path.Title}** by @{comment.Author}: its certificate no longer waits for "
            + "reviews given.", true);
    }

    [LoggerMessage(EventId = 5303, Level = LogLevel.Information, Message = "{Login} waived peer review of path {Path} in {Repository}")]
    private static partial void LogWaived(ILogger logger, string login, string path, string repository);

    [LoggerMessage(
        EventId = 5301,
        Level = LogLevel.Warning,
        Message = "Refused instructor command {Command} from {Login} in {Repository}: not in the instructors team"
    )]
    private static partial void LogRefused(ILogger logger, string login, CommandKind command, string repository);

    [LoggerMessage(EventId = 5302, Level = LogLevel.Information, Message = "{Login} approved {Module}/{Assessment} in {Repository}")]
    private static partial void LogApproved(ILogger logger, string login, string module, string assessment, string repository);
}
