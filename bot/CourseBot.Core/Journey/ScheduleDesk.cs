using System.Globalization;
using CourseBot.Core.Curriculum.Model;
using CourseBot.Core.Journey.Commands;
using CourseBot.Core.Journey.History;
using CourseBot.Core.Journey.Progression;
using CourseBot.Core.Journey.Sync;
using Microsoft.Extensions.Logging;
using Octokit;

namespace CourseBot.Core.Journey;

/// <summary>
/// The schedule commands: <c>/extend DAYS [MODULE]</c> (instructors only), <c>/pace PACE</c>, <c>/pause</c> and
/// <c>/resume</c> (the learner or an instructor). Who may is asked of GitHub on every use; anyone else is refused with
/// the reason and nothing is recorded. What is recorded is a typed event that <see cref="PaceSchedule"/> applies, so the
/// README, the issues' milestones, the reminders and the cohort views all move together.
/// </summary>
public sealed partial class ScheduleDesk(Course course, JourneyOptions options, TimeProvider time, ILogger<ScheduleDesk> logger)
{
    /// <summary>The most days one <c>/extend</c> may add.</summary>
    public const int MaxExtension = 365;

    /// <summary>Runs a schedule command: the reply, and whether the record changed.</summary>
    public async Task<(string Reply, bool Changed)> RunAsync(
        IGitHubClient github,
        LearnerLedger ledger,
        LearnerRecorder recorder,
        CommentCreated comment,
        LearnerCommand command,
        CancellationToken cancel
    )
    {
        ArgumentNullException.ThrowIfNull(ledger);
        ArgumentNullException.ThrowIfNull(comment);
        ArgumentNullException.ThrowIfNull(command);
        var name = "/" + command.Kind.ToString().ToLowerInvariant();
        var isLearner = string.Equals(comment.Author, ledger.Enrollment?.Login, StringComparison.OrdinalIgnoreCase);
        var learnerMay = command.Kind != CommandKind.Extend;
        if (!(learnerMay && isLearner) && !await InstructorTeam.IsMemberAsync(github, options, comment.Author).ConfigureAwait(false))
        {
            LogRefused(logger, comment.Author, command.Kind, ledger.Repository);
            var who = learnerMay ? $"@{ledger.Enrollment?.Login} and instructors" : "instructors";
            return ($"`{name}` is for {who} (members of the `{options.InstructorsTeam}` team); nothing was recorded.", false);
        }

        var progress = ledger.Progress(course)!;
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var (reply, change) = command.Kind switch
        {
            CommandKind.Extend => Extend(ledger, progress, comment, command),
            CommandKind.Pace => Pace(progress, comment, command.Argument, today),
            CommandKind.Pause => progress.PausedSince is { } since
                ? (
                    string.Create(
                        CultureInfo.InvariantCulture,
                        $"The schedule is already paused since {since:yyyy-MM-dd}; nothing changed."
                    ),
                    null
                )
                : (
                    string.Create(CultureInfo.InvariantCulture, $"⏸️ Schedule paused from {today:yyyy-MM-dd} by @{comment.Author}: ")
                        + "nothing is overdue and no reminder is sent until `/resume`, which adds the days paused to the due dates.",
                    (LearnerEventData?)new SchedulePaused(true, today, comment.Author, comment.CommentId)
                ),
            _ => Resume(progress, comment, today),
        };
        if (change is null)
        {
            return (reply, false);
        }

        var subject = change is ScheduleExtended ? Target(ledger, progress, command.Second, comment.Issue)!.Module.Id : "";
        await recorder.RecordAsync(subject, change, cancel).ConfigureAwait(false);
        LogChanged(logger, comment.Author, command.Kind, ledger.Repository);
        return (reply, true);
    }

    private static (string, LearnerEventData?) Extend(
        LearnerLedger ledger,
        LearnerProgress progress,
        CommentCreated comment,
        LearnerCommand command
    )
    {
        var usage = string.Create(
            CultureInfo.InvariantCulture,
            $"Usage: `/extend DAYS [MODULE]`: DAYS from 1 to {MaxExtension}; MODULE a module's number or id (default: this issue's module)."
        );
        if (!int.TryParse(command.Argument, NumberStyles.None, CultureInfo.InvariantCulture, out var days) || days is < 1 or > MaxExtension)
        {
            return (usage, null);
        }

        if (Target(ledger, progress, command.Second, comment.Issue) is not { Due: { } due } module)
        {
            return (usage + " The module must be one of this learner's with a due date.", null);
        }

        var record = new ScheduleExtended(days, comment.Author, comment.CommentId);
        var title = string.Create(CultureInfo.InvariantCulture, $"Module {module.Module.Number:00} · {module.Module.Title}");
        return (string.Create(CultureInfo.InvariantCulture, $"📅 @{comment.Author} extended the schedule by {days} days from **{title}**: ")
            + string.Create(CultureInfo.InvariantCulture, $"due {due.DueOn.AddDays(days):yyyy-MM-dd} (was {due.DueOn:yyyy-MM-dd}), ")
            + string.Create(CultureInfo.InvariantCulture, $"and every later due date moves {days} days too. ")
            + "The README and the milestones show the new dates.", record);
    }

    /// <summary>The module named (number or id), else the issue's module, else the current one.</summary>
    private static ModuleProgress? Target(LearnerLedger ledger, LearnerProgress progress, string? named, int issue)
    {
        if (named is not null)
        {
            var number = int.TryParse(named, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : -1;
            return progress.Modules.FirstOrDefault(m =>
                m.Module.Number == number || string.Equals(m.Module.Id, named, StringComparison.Ordinal)
            );
        }

        return ledger.ModuleForIssue(issue) is { } id && progress.Module(id) is { } module ? module : progress.Current;
    }

    private (string, LearnerEventData?) Pace(LearnerProgress progress, CommentCreated comment, string? argument, DateOnly today)
    {
        if (course.Paces.FirstOrDefault(p => string.Equals(p.Id, argument, StringComparison.OrdinalIgnoreCase)) is not { } pace)
        {
            return ($"Usage: `/pace PACE` with one of {string.Join(", ", course.Paces.Select(p => $"`{p.Id}`"))}.", null);
        }

        if (pace.Id == progress.PaceId)
        {
            return ($"The pace is already **{pace.Title}**; nothing changed.", null);
        }

        var text =
            string.Create(
                CultureInfo.InvariantCulture,
                $"🏃 Pace changed to **{pace.Title}** from {today:yyyy-MM-dd} by @{comment.Author}: "
            ) + "the modules not passed yet are scheduled again from today. The README and the milestones show the new dates.";
        return (text, new PaceChanged(pace.Id, today, comment.Author, comment.CommentId));
    }

    private static (string, LearnerEventData?) Resume(LearnerProgress progress, CommentCreated comment, DateOnly today)
    {
        if (progress.PausedSince is not { } since)
        {
            return ("The schedule is not paused; nothing changed.", null);
        }

        var days = today.DayNumber - since.DayNumber;
        return (string.Create(CultureInfo.InvariantCulture, $"▶️ Schedule resumed by @{comment.Author} after {days} days paused: ")
            + string.Create(CultureInfo.InvariantCulture, $"the due dates from {since:yyyy-MM-dd} on move {days} days later."),
            new SchedulePaused(false, today, comment.Author, comment.CommentId));
    }

    [LoggerMessage(EventId = 5310, Level = LogLevel.Warning, Message = "Refused schedule command {Command} from {Login} in {Repository}")]
    private static partial void LogRefused(ILogger logger, string login, CommandKind command, string repository);

    [LoggerMessage(EventId = 5311, Level = LogLevel.Information, Message = "{Login} changed the schedule of {Repository} ({Command})")]
    private static partial void LogChanged(ILogger logger, string login, CommandKind command, string repository);
}
