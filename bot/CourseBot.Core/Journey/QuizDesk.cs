using System.Globalization;
using CourseBot.Core.Curriculum.Model;
using CourseBot.Core.Journey.History;
using CourseBot.Core.Journey.Progression;
using CourseBot.Core.Journey.Quizzes;
using CourseBot.Core.Journey.Sync;
using Microsoft.Extensions.Logging;
using Octokit;

namespace CourseBot.Core.Journey;

/// <summary>
/// Quizzes as a learner meets them: <c>/quiz</c> starts an attempt and its time limit, commits the attempt's form (its
/// options in the attempt's own order) and links to it; a submitted form is graded against the key (which never leaves the
/// bot), answered with the score and per-topic feedback, recorded and closed, and the sync that follows removes the form.
/// Late submissions are recorded and not counted; retakes after a failed, late or abandoned attempt wait for a cooldown;
/// odd or edited submissions get a helpful reply.
/// </summary>
public sealed partial class QuizDesk(Course course, JourneyOptions options, LearnerSync sync, TimeProvider time, ILogger<QuizDesk> logger)
{
    /// <summary>Handles <c>/quiz [assessment]</c> on a module issue. Returns true when an attempt was started.</summary>
    public async Task<bool> StartAsync(
        IGitHubClient github,
        LearnerLedger ledger,
        LearnerRecorder recorder,
        CommentCreated comment,
        string? argument,
        CancellationToken cancel
    )
    {
        ArgumentNullException.ThrowIfNull(github);
        ArgumentNullException.ThrowIfNull(ledger);
        ArgumentNullException.ThrowIfNull(comment);
        var replyKey = $"comment:{comment.CommentId}";
        if (ledger.Replies.Contains(replyKey))
        {
            return false; // this comment was answered already (a redelivery)
        }

        var reply = await DecideStartAsync(ledger, recorder, comment, argument, cancel).ConfigureAwait(false);
        if (reply.FormOpen)
        {
            // The form is in the repository before the reply links to it (also when a redelivery finds the attempt open).
            await sync.CommitFilesAsync(github, ledger, recorder, cancel).ConfigureAwait(false);
        }

        await LearnerReplies
            .PostOnceAsync(github, ledger, recorder, comment.Issue, replyKey, reply.Text, close: false, repository: null, cancel)
            .ConfigureAwait(false);
        return reply.Started;
    }

    private async Task<(string Text, bool Started, bool FormOpen)> DecideStartAsync(
        LearnerLedger ledger,
        LearnerRecorder recorder,
        CommentCreated comment,
        string? argument,
        CancellationToken cancel
    )
    {
        var progress = ledger.Progress(course)!;
        if (!string.Equals(comment.Author, progress.Enrollment.Login, StringComparison.OrdinalIgnoreCase))
        {
            return ($"Only @{progress.Enrollment.Login} can start their own quizzes (the timer is theirs).", false, false);
        }

        var moduleId = ledger.ModuleForIssue(comment.Issue);
        var targets = moduleId is null ? [] : Targets(ledger, progress, moduleId);
        if (moduleId is null || targets.Count == 0)
        {
            return (moduleId is null
                ? "`/quiz` works in a module issue: open the issue of the module whose quiz you want to take and comment `/quiz` there."
                : "This module has no quiz. `/help` shows what is left to do here.", false, false);
        }

        var chosen = argument is null
            ? targets.FirstOrDefault(q => !q.Done) ?? targets[0]
            : targets.FirstOrDefault(q => q.Assessment.Id == argument);
        if (chosen is null)
        {
            return (
                $"This module has no quiz called `{Writing.MarkdownText.Cell(argument, 40)}`. Its quizzes: "
                + $"{string.Join(", ", targets.Select(q => $"`{q.Assessment.Id}`"))}.",
                false,
                false
            );
        }

        var key = chosen.Key;
        var form = FormLink(ledger, chosen);
        if (chosen.Done)
        {
            return (
                chosen.Best is { } best
                    ? string.Create(
                        CultureInfo.InvariantCulture,
                        $"You have already passed **{chosen.Assessment.Title}** with {best:0.#} %. Nothing to retake: your best result "
                        + $"counts."
                    )
                    : $"**{chosen.Assessment.Title}** is not needed any more: you are placed already.",
                false,
                false
            );
        }

        var now = time.GetUtcNow();
        if (ledger.OpenAttempt(key) is { } open && now <= open.Deadline + options.QuizGrace)
        {
            return (
                $"Your attempt at **{chosen.Assessment.Title}** is open until {Time(open.Deadline)}. Submit it here: {form}",
                false,
                true
            );
        }

        if (LastFailure(ledger, key, now) is { } failedAt && now < failedAt + options.QuizCooldown)
        {
            return (
                $"You can retake **{chosen.Assessment.Title}** from {Time(failedAt + options.QuizCooldown)}. Meanwhile, the explanations "
                + $"in your last attempt's feedback and the module's resources are the best preparation.",
                false,
                false
            );
        }

        var limit = TimeSpan.FromMinutes(chosen.Assessment.TimeLimitMinutes ?? 30);
        var deadline = now + limit;
        var shuffle = OptionOrder.KeyFor(ledger.Repository, key, ledger.QuizStarts.Count(a => a.Key == key) + 1);
        var started = await recorder.RecordAsync(key, new QuizStarted(deadline, comment.CommentId, shuffle), cancel).ConfigureAwait(false);
        ledger.QuizStarts.Add(new QuizAttempt(key, started.At, deadline, started.Sequence, comment.CommentId, shuffle));
        LogStarted(logger, ledger.Repository, key, deadline);
        var count = chosen.Quiz.Questions.Length;
        var pass = PassPercent(chosen.Assessment);
        var reply = Writing.QuizStartReplyWriter.Started(chosen.Assessment.Title, count, limit, pass, form, deadline);
        return (reply, true, true);
    }

    /// <summary>Grades a submitted quiz issue. Returns true when something was recorded (progress may have changed).</summary>
    public async Task<bool> SubmitAsync(
        IGitHubClient github,
        LearnerLedger ledger,
        LearnerRecorder recorder,
        IssueOpened issue,
        CancellationToken cancel
    )
    {
        ArgumentNullException.ThrowIfNull(github);
        ArgumentNullException.ThrowIfNull(ledger);
        ArgumentNullException.ThrowIfNull(issue);
        var replyKey = $"quiz:{issue.Number}";
        var (text, record) = Decide(ledger, issue);
        var recorded = false;
        if (record is not null && !ledger.GradedQuizIssues.ContainsKey(issue.Number))
        {
            await recorder.RecordAsync(record.Value.Key, record.Value.Data, cancel).ConfigureAwait(false);
            if (record.Value.Data.Placement is { } path)
            {
                var placed = new Placed("placement quiz", null, issue.Number, record.Value.Data.Percent);
                await recorder.RecordAsync(path, placed, cancel).ConfigureAwait(false);
            }

            recorded = true;
        }

        await LearnerReplies
            .PostOnceAsync(github, ledger, recorder, issue.Number, replyKey, text, close: true, repository: null, cancel)
            .ConfigureAwait(false);
        return recorded;
    }

    /// <summary>A submitted quiz issue was edited: the first submission is the one graded; say so once.</summary>
    public async Task EditedAsync(
        IGitHubClient github,
        LearnerLedger ledger,
        LearnerRecorder recorder,
        IssueOpened issue,
        CancellationToken cancel
    )
    {
        ArgumentNullException.ThrowIfNull(github);
        ArgumentNullException.ThrowIfNull(ledger);
        ArgumentNullException.ThrowIfNull(issue);
        if (
            ledger.GradedQuizIssues.ContainsKey(issue.Number)
            && await LearnerReplies
                .PostOnceAsync(
                    github,
                    ledger,
                    recorder,
                    issue.Number,
                    $"quiz-edited:{issue.Number}",
                    "This quiz was graded as first submitted; edits made afterwards are not graded again. To improve your score, comment "
                    + "`/quiz` in the module issue for a new attempt (after the cooldown).",
                    close: false,
                    repository: null,
                    cancel
                )
                .ConfigureAwait(false)
        )
        {
            LogEdited(logger, ledger.Repository, issue.Number);
        }
    }

    private (string Text, (string Key, QuizSubmitted Data)? Record) Decide(LearnerLedger ledger, IssueOpened issue)
    {
        var enrollment = ledger.Enrollment!;
        if (!string.Equals(issue.Author, enrollment.Login, StringComparison.OrdinalIgnoreCase))
        {
            return ($"Only @{enrollment.Login}'s own quiz submissions are graded in this repository.", null);
        }

        var submission = QuizSubmissionParser.Parse(issue.Body);
        var located = QuizLocator.Find(course, submission.QuizKey);
        if (located is null)
        {
            return (
                "I could not tell which quiz this answers: the **Quiz** field is missing or was changed. Comment `/quiz` in your module "
                + "issue and use the form it links to, without editing the Quiz field.",
                null
            );
        }

        var (module, assessment, quiz) = (located.Module, located.Assessment, located.Quiz);
        var key = $"{module.Id}/{assessment.Id}";
        var moduleIssue = ledger.ModuleIssues.TryGetValue(module.Id, out var n) ? $"#{n}" : "your module issue";
        var progress = ledger.Progress(course)!;
        var placement = PlacementFor(progress, module.Id);
        if (placement is null && progress.Module(module.Id) is not { IsUnlocked: true })
        {
            return (
                $"**{assessment.Title}** belongs to module {module.Number:00}, which is not open for you yet. `/help` in your current "
                + $"module issue shows what is next.",
                null
            );
        }

        if (ledger.OpenAttempt(key) is not { } attempt)
        {
            return (
                $"This quiz was not started, so it was not graded. Comment `/quiz` in {moduleIssue} to start it (its timer starts then) "
                + $"and submit the form it links to.",
                null
            );
        }

        var result = QuizGrader.Grade(quiz, submission, attempt.Shuffle);
        var passPercent = located.PassPercent;
        var now = time.GetUtcNow();
        var late = now > attempt.Deadline + options.QuizGrace;
        var counted = Submissions(ledger, key).Count(s => s.Data.Counted) + (late ? 0 : 1);
        var passed = !late && result.Passed(passPercent);
        var showExplanations = passed || counted >= options.ExplanationsAfterAttempts;
        string next;
        if (late)
        {
            next =
                $"⏰ Submitted after the time limit ({Time(attempt.Deadline)}): recorded as late, **not counted**. You can start a new "
                + $"attempt from {Time(now + options.QuizCooldown)} with `/quiz` in {moduleIssue}.";
        }
        else if (passed && placement is not null)
        {
            next = $"✅ Placed: Path {placement.Path.Number} opens now, starting with its first module's issue.";
        }
        else if (passed)
        {
            next = $"✅ Passed: the quiz box in {moduleIssue} is ticked.";
        }
        else
        {
            next =
                $"Not passed yet (pass mark {passPercent} %). You can retake it from {Time(now + options.QuizCooldown)} with `/quiz` in "
                + $"{moduleIssue}.";
        }

        var text = QuizFeedbackWriter.Write(
            result,
            passPercent,
            showExplanations,
            counted,
            next,
            string.Create(
                CultureInfo.InvariantCulture,
                $"once you pass this quiz, or after {options.ExplanationsAfterAttempts} counted attempts"
            ),
            late
        );
        var answers = result.Questions.Select(q => new QuizAnswer(q.QuestionId, q.Given, q.Correct, q.Chosen)).ToList();
        var data = new QuizSubmitted(issue.Number, attempt.Sequence, result.Correct, result.Total, Math.Round(result.Percent, 2), passed,
            Counted: !late, late, answers,
            Placement: placement is not null && passed ? placement.Path.Id : null); // SubmitAsync records the placement with the result

        LogGraded(logger, ledger.Repository, key, result.Correct, result.Total, late);
        return (text, (key, data));
    }

    private int PassPercent(Assessment assessment) => QuizLocator.PassPercent(course, assessment);

    /// <summary>
    /// When the last attempt that did not pass ended: a counted failure or a late one when it was submitted, an abandoned one
    /// (never submitted) when its time and grace ran out. Late and abandoned attempts wait too, or a learner could look at a
    /// quiz for as long as they like and start it again at once.
    /// </summary>
    private DateTimeOffset? LastFailure(LearnerLedger ledger, string key, DateTimeOffset now)
    {
        var submitted = Submissions(ledger, key).Where(s => s.Data is { Late: true } or { Counted: true, Passed: false })
            .Select(s => (DateTimeOffset?)s.At).LastOrDefault();
        var abandoned = ledger.QuizStarts
            .Where(a => a.Key == key && !ledger.ConsumedAttempts.Contains(a.Sequence) && now > a.Deadline + options.QuizGrace)
            .Select(a => (DateTimeOffset?)(a.Deadline + options.QuizGrace)).Max();
        return submitted > abandoned || abandoned is null ? submitted : abandoned;
    }

    private static IEnumerable<(DateTimeOffset At, QuizSubmitted Data)> Submissions(LearnerLedger ledger, string key) =>
        ledger.Events.Where(e => e.Subject == key).OrderBy(e => e.Sequence)
            .Select(e => (e.At, Data: LearnerEventJson.Read<QuizSubmitted>(e)))
            .Where(s => s.Data is not null).Select(s => (s.At, s.Data!));

    private static string FormLink(LearnerLedger ledger, QuizTarget target)
    {
        var template = Path.GetFileName(QuizFormWriter.Write(target.Module, target.Assessment, target.Quiz).Path);
        return $"{ledger.RepositoryUrl ?? "https://github.com/" + ledger.Repository}/issues/new?template={Uri.EscapeDataString(template)}";
    }

    /// <summary>The quizzes an issue offers: a module's quiz-graded assessments, or the placement quiz on the placement issue.</summary>
    private List<QuizTarget> Targets(LearnerLedger ledger, LearnerProgress progress, string moduleId)
    {
        if (PlacementFor(progress, moduleId) is { } placement)
        {
            var best = Submissions(ledger, placement.Key).Where(s => s.Data.Counted).Select(s => s.Data.Percent).Max();
            return [new QuizTarget(placement.Module, placement.Assessment, placement.Quiz, progress.PendingPlacement is null, best)];
        }

        if (progress.Module(moduleId) is not { } module)
        {
            return [];
        }

        return [.. module.Assessments
            .Where(a => a.Assessment.Grading == Grading.Quiz)
            .Select(a => (a, Quiz: module.Module.Quizzes.FirstOrDefault(q => q.AssessmentId == a.Id)))
            .Where(x => x.Quiz is not null)
            .Select(x => new QuizTarget(module.Module, x.a.Assessment, x.Quiz!, x.a.Done, x.a.Percent))];
    }

    /// <summary>The placement quiz of the learner's enrolled path when <paramref name="moduleId"/> is its (pseudo-)module.</summary>
    private PlacementQuiz? PlacementFor(LearnerProgress progress, string moduleId) =>
        course.FindPath(progress.Enrollment.PathId) is { } path
        && PlacementQuiz.For(course, path) is { } placement
        && placement.Module.Id == moduleId
            ? placement
            : null;

    /// <summary>A quiz a learner can take from an issue.</summary>
    private sealed record QuizTarget(Module Module, Assessment Assessment, Quiz Quiz, bool Done, double? Best)
    {
        public string Key => $"{Module.Id}/{Assessment.Id}";
    }

    private static string Time(DateTimeOffset at) => Writing.QuizStartReplyWriter.Time(at);

    [LoggerMessage(EventId = 5201, Level = LogLevel.Information, Message = "Quiz {Quiz} started in {Repository}, due {Deadline}")]
    private static partial void LogStarted(ILogger logger, string repository, string quiz, DateTimeOffset deadline);

    [LoggerMessage(
        EventId = 5203,
        Level = LogLevel.Information,
        Message = "Quiz issue #{Number} in {Repository} was edited after grading; the first submission stands"
    )]
    private static partial void LogEdited(ILogger logger, string repository, int number);

    [LoggerMessage(
        EventId = 5202,
        Level = LogLevel.Information,
        Message = "Quiz {Quiz} graded in {Repository}: {Correct}/{Total} (late: {Late})"
    )]
    private static partial void LogGraded(ILogger logger, string repository, string quiz, int correct, int total, bool late);
}
