using CourseBot.Core.Curriculum.Model;
using CourseBot.Core.Journey.Forms;
using CourseBot.Core.Journey.History;
using CourseBot.Core.Journey.Sync;
using CourseBot.Core.Storage;
using Microsoft.Extensions.Logging;
using Octokit;

namespace CourseBot.Core.Journey;

/// <summary>
/// The learner journey's entry points, called from the queue. Each records what happened (once,
/// however often GitHub delivers it), then lets <see cref="LearnerSync"/> bring the repository in
/// line with the record. Work for one learner runs one at a time (<see cref="ILearnerLocks"/>).
/// </summary>
public sealed partial class JourneyService(
    Course course,
    JourneyOptions options,
    ILearnerEvents history,
    Func<long, IGitHubClient> clients,
    LearnerSync sync,
    ILearnerLocks locks,
    QuizDesk quizzes,
    CommandDesk commands,
    CapstoneDesk capstones,
    Peers.PeerReviewDesk peers,
    Peers.PeerRoster roster,
    EnrollmentGate gate,
    TimeProvider time,
    ILogger<JourneyService> logger)
{
    public JourneyOptions Options => options;

    /// <summary>The learner repository for a login: <c>{course owner}/{prefix}{login}</c>.</summary>
    public string RepositoryFor(string login) => $"{options.CourseOwner}/{options.RepositoryPrefix}{login.ToLowerInvariant()}";

    public async Task OnIssueOpenedAsync(IssueOpened opened, CancellationToken cancel)
    {
        ArgumentNullException.ThrowIfNull(opened);
        if (opened.ByBot)
        {
            return;
        }

        if (string.Equals(opened.Repository, options.CourseRepository, StringComparison.OrdinalIgnoreCase))
        {
            await OnEnrollmentFormAsync(opened, cancel).ConfigureAwait(false);
            return;
        }

        if (
            Quizzes.QuizSubmissionParser.Parse(opened.Body) is not { QuizKey: not null }
            && !opened.Labels.Contains(Writing.LabelNames.Quiz)
        )
        {
            return; // an issue of the learner's own
        }

        var recorded = false;
        await WithLearnerAsync(opened.Repository, async (ledger, recorder) =>
        {
            recorded = await quizzes.SubmitAsync(clients(opened.Installation), ledger, recorder, opened, cancel).ConfigureAwait(false);
        }, cancel).ConfigureAwait(false);
        if (recorded)
        {
            await SyncAsync(opened.Installation, opened.Repository, cancel).ConfigureAwait(false);
        }
    }

    public async Task OnIssueEditedAsync(IssueOpened edited, CancellationToken cancel)
    {
        ArgumentNullException.ThrowIfNull(edited);
        if (edited.ByBot)
        {
            return;
        }

        await WithLearnerAsync(edited.Repository, (ledger, recorder) =>
            quizzes.EditedAsync(clients(edited.Installation), ledger, recorder, edited, cancel), cancel).ConfigureAwait(false);
    }

    public async Task OnCommentAsync(CommentCreated comment, CancellationToken cancel)
    {
        ArgumentNullException.ThrowIfNull(comment);
        if (comment.ByBot || Commands.LearnerCommand.Parse(comment.Body) is not { } command)
        {
            return;
        }

        var changed = false;
        await WithLearnerAsync(
                comment.Repository,
                async (ledger, recorder) =>
                {
                    changed = await commands
                        .RunAsync(clients(comment.Installation), ledger, recorder, comment, command, cancel)
                        .ConfigureAwait(false);
                },
                cancel
            )
            .ConfigureAwait(false);
        if (changed)
        {
            await SyncAsync(comment.Installation, comment.Repository, cancel).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// A capstone pull request changed: recorded, the instructors asked to review it, peers asked once it is ready (or their access
    /// ended when it closed), then the repository synced: one lock and one history read for the delivery (a second only to sync).
    /// </summary>
    public async Task OnPullRequestAsync(PullRequestChanged pull, CancellationToken cancel)
    {
        ArgumentNullException.ThrowIfNull(pull);
        if (pull.ByBot)
        {
            return;
        }

        await WithLearnerAsync(pull.Repository, async (ledger, recorder) =>
        {
            var github = clients(pull.Installation);
            var (changed, module) = await capstones.PullRequestAsync(github, ledger, recorder, pull, cancel).ConfigureAwait(false);
            await peers.PullRequestAsync(github, ledger, recorder, pull, module, cancel).ConfigureAwait(false);
            if (changed)
            {
                await SyncLockedAsync(pull.Installation, pull.Repository, cancel).ConfigureAwait(false);
            }
        }, cancel).ConfigureAwait(false);
    }

    /// <summary>
    /// A capstone review submitted or dismissed: counted only from the instructors team, then the repository synced, under one lock.
    /// An assigned peer's substantive review is recorded in the peer's own history (after the author's lock is released: two
    /// learners reviewing each other never wait on each other), and the peer's repository synced.
    /// </summary>
    public async Task OnReviewAsync(PullRequestReviewed review, CancellationToken cancel)
    {
        ArgumentNullException.ThrowIfNull(review);
        if (review.ByBot)
        {
            return;
        }

        (string Module, PeerReviewGiven Given)? given = null;
        await WithLearnerAsync(
                review.Repository,
                async (ledger, recorder) =>
                {
                    var github = clients(review.Installation);
                    var changed = await capstones.ReviewAsync(github, ledger, recorder, review, cancel).ConfigureAwait(false);
                    given = await peers.ReviewAsync(github, ledger, recorder, review, cancel).ConfigureAwait(false);
                    if (changed)
                    {
                        await SyncLockedAsync(review.Installation, review.Repository, cancel).ConfigureAwait(false);
                    }
                },
                cancel
            )
            .ConfigureAwait(false);
        if (
            given is not { } counted
            || await roster.RepositoryOfAsync(review.Reviewer, cancel).ConfigureAwait(false) is not { } peerRepository
        )
        {
            return;
        }

        var recorded = false;
        await WithLearnerAsync(
                peerRepository,
                async (ledger, recorder) =>
                {
                    recorded = await Peers
                        .PeerReviewDesk.RecordGivenAsync(ledger, recorder, counted.Module, counted.Given, cancel)
                        .ConfigureAwait(false);
                    if (recorded)
                    {
                        await SyncLockedAsync(review.Installation, peerRepository, cancel).ConfigureAwait(false);
                    }
                },
                cancel
            )
            .ConfigureAwait(false);
    }

    /// <summary>From the reconciler: looks again for peers for a capstone pull request still waiting for them.</summary>
    public async Task RetryPeersAsync(string repository, int number, CancellationToken cancel) =>
        await WithLearnerAsync(repository, (ledger, recorder) =>
            peers.RetryAsync(clients(ledger.Installation), ledger, recorder, number, cancel), cancel).ConfigureAwait(false);

    /// <summary>Follows the learner's default branch from push webhooks, so progress commits need not ask where it is.</summary>
    public async Task OnPushAsync(PushReceived push, CancellationToken cancel)
    {
        ArgumentNullException.ThrowIfNull(push);
        if (push.Ref != "refs/heads/main")
        {
            return;
        }

        await WithLearnerAsync(push.Repository, (ledger, recorder) =>
            recorder.RecordAsync("", PushSeenOf(push), cancel), cancel).ConfigureAwait(false);
    }

    /// <summary>Rebuilds issues, the results comment and the progress files from the record (after a grade, a command, a repair).</summary>
    public async Task SyncAsync(long installation, string repository, CancellationToken cancel) =>
        await LockedAsync(repository, () => SyncLockedAsync(installation, repository, cancel)).ConfigureAwait(false);

    /// <summary>The sync, for a caller that holds the learner's lock: reads the history as recorded so far.</summary>
    private async Task SyncLockedAsync(long installation, string repository, CancellationToken cancel)
    {
        var ledger = await LedgerAsync(repository, cancel).ConfigureAwait(false);
        if (ledger.Enrollment is null || !ledger.Setup.Contains("repository") || ledger.Unenrolled)
        {
            return;
        }

        await sync.RunAsync(
                clients(installation != 0 ? installation : ledger.Installation),
                ledger,
                new LearnerRecorder(history, repository),
                cancel
            )
            .ConfigureAwait(false);
    }

    /// <summary>Finishes an enrollment whose setup stopped half-way (from the reconciler).</summary>
    public async Task ResumeAsync(string repository, CancellationToken cancel)
    {
        var ledger = await LedgerAsync(repository, cancel).ConfigureAwait(false);
        if (ledger.Enrollment is { } enrollment)
        {
            await EnrollAsync(
                    ledger.Installation,
                    new EnrollmentRequest(enrollment.Login, enrollment.PathId, enrollment.PaceId, enrollment.Start, enrollment.Cohort),
                    origin: null,
                    cancel
                )
                .ConfigureAwait(false);
        }
    }

    /// <summary>Runs the grading workflow again for a push whose result never arrived (from the reconciler), once per commit.</summary>
    public async Task RegradeAsync(string repository, string sha, CancellationToken cancel)
    {
        await WithLearnerAsync(repository, async (ledger, recorder) =>
        {
            if (ledger.Replies.Contains("regrade:" + sha) || ledger.HasResultFor(sha))
            {
                return;
            }

                    await clients(ledger.Installation)
                        .Actions.Workflows.CreateDispatch(ledger.Owner, ledger.Name, "grade.yml", new CreateWorkflowDispatch("main"))
                        .ConfigureAwait(false);
                    await recorder.RecordAsync("regrade:" + sha, new ReplyPosted(Sha: sha), cancel).ConfigureAwait(false);
                },
                cancel
            )
            .ConfigureAwait(false);
    }

    /// <summary>
    /// One learner's part of <c>coursebot regrade</c>: the grading workflow dispatched on their default branch (it grades
    /// every open lab of the latest commit, this one included), recorded with the hidden-test version so a regrade run
    /// again skips them. The workflow dispatch is a content-creating request, spaced like every other.
    /// </summary>
    public async Task RegradeLabAsync(string repository, string lab, string version, string? batch, CancellationToken cancel)
    {
        await WithLearnerAsync(repository, async (ledger, recorder) =>
        {
            if (LabRegrade.Status(course, ledger, lab, version, cohort: null) != RegradeStatus.Due)
            {
                return;
            }

                    await clients(ledger.Installation)
                        .Actions.Workflows.CreateDispatch(ledger.Owner, ledger.Name, "grade.yml", new CreateWorkflowDispatch("main"))
                        .ConfigureAwait(false);
                    await recorder.RecordAsync(lab, new RegradeRequested(version, batch), cancel).ConfigureAwait(false);
                    LogRegradeDispatched(logger, repository, lab, version);
                },
                cancel
            )
            .ConfigureAwait(false);
    }

    /// <summary>
    /// The daily deadline pass (from the reconciler): one reminder in each module issue that crossed a reminder threshold
    /// (the highest crossed is named; every crossed one is recorded, so none is posted later), then a sync, which rewrites
    /// the README when its overdue marks changed. No push is needed: idle learners are the ones this is for.
    /// </summary>
    public async Task DeadlinesAsync(string repository, CancellationToken cancel)
    {
        long installation = 0;
        await WithLearnerAsync(repository, async (ledger, recorder) =>
        {
            installation = ledger.Installation;
            if (!ledger.Setup.Contains("repository") || ledger.Progress(course) is not { } progress)
            {
                return;
            }

            var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
            foreach (var owed in DeadlineCheck.Owed(ledger, progress, today, options.OverdueReminderDays))
            {
                var issue = ledger.ModuleIssues[owed.Module.Module.Id];
                var text = Writing.OverdueReminderWriter.Write(course, progress, owed);
                await clients(ledger.Installation).Issue.Comment.Create(ledger.Owner, ledger.Name, issue, text).ConfigureAwait(false);
                foreach (var threshold in owed.Thresholds)
                {
                    var record = new DeadlineReminderPosted(threshold, owed.DaysOverdue, owed.Module.Due?.DueOn, issue);
                    await recorder.RecordAsync(DeadlineCheck.Key(owed.Module.Module.Id, threshold), record, cancel).ConfigureAwait(false);
                }

                LogReminded(logger, repository, owed.Module.Module.Id, owed.DaysOverdue);
            }
        }, cancel).ConfigureAwait(false);
        await SyncAsync(installation, repository, cancel).ConfigureAwait(false);
    }

    /// <summary>
    /// Enrolls a learner (from the form or a roster): records the enrollment once, generates the
    /// repository from the template and waits for it, invites the learner, creates the labels, then
    /// syncs (first module issue, milestones, README, badges, quiz forms). Safe to run again at any
    /// point: each step is recorded when done.
    /// </summary>
    /// <param name="installation">The App installation on the course organisation.</param>
    /// <param name="request">Who, which path, which pace, from when.</param>
    /// <param name="origin">The Enroll issue (<c>owner/repo#number</c>) to answer once the repository is ready, if any.</param>
    /// <param name="cancel">Cancellation.</param>
    public async Task<string> EnrollAsync(long installation, EnrollmentRequest request, string? origin, CancellationToken cancel)
    {
        ArgumentNullException.ThrowIfNull(request);
        var repository = RepositoryFor(request.Login);
        await LockedAsync(repository, async () =>
        {
            var recorder = new LearnerRecorder(history, repository);
            var ledger = await LedgerAsync(repository, cancel).ConfigureAwait(false);
            if (ledger.Enrollment is null)
            {
                var enrolled = new Enrolled(
                    request.Login, request.PathId, request.PaceId, request.Start, request.Cohort, installation, origin);
                await recorder.RecordAsync(request.PathId, enrolled, cancel).ConfigureAwait(false);
                LogEnrolled(logger, request.Login, repository, request.PathId, request.PaceId);
                ledger = await LedgerAsync(repository, cancel).ConfigureAwait(false);
            }

            var github = clients(installation);
            await new RepositorySetup(github, options, course, time).RunAsync(ledger, recorder, cancel).ConfigureAwait(false);
            ledger = await LedgerAsync(repository, cancel).ConfigureAwait(false);
            await sync.RunAsync(github, ledger, recorder, cancel).ConfigureAwait(false);
            if (ledger.Origin is { } answer)
            {
                ledger = await LedgerAsync(repository, cancel).ConfigureAwait(false);
                var welcome = Writing.EnrollmentReplyWriter.Welcome(course, ledger);
                var key = $"enroll:{answer.Repository}#{answer.Number}";
                await ReplyOnceAsync(github, repository, answer.Repository, answer.Number, key, welcome, close: true, cancel)
                    .ConfigureAwait(false);
            }
        }).ConfigureAwait(false);
        return repository;
    }

    /// <summary>A push as recorded: a README change by the bot itself is not the learner's.</summary>
    private static PushSeen PushSeenOf(PushReceived push) =>
        new(push.Before, push.After, push.Tree, ReadmeTouched: push.ReadmeTouched && !push.ByBot, ByLearner: !push.ByBot);

    private async Task OnEnrollmentFormAsync(IssueOpened opened, CancellationToken cancel)
    {
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var (request, problems) = EnrollmentRequest.FromForm(course, opened.Author, opened.Body, today, options.DefaultPace);
        var github = clients(opened.Installation);
        var replyKey = $"enroll:{opened.Repository}#{opened.Number}";
        if (request is null)
        {
            await ReplyOnceAsync(github, RepositoryFor(opened.Author), opened.Repository, opened.Number, replyKey,
                Writing.EnrollmentReplyWriter.NotUnderstood(opened.Author, problems), close: false, cancel).ConfigureAwait(false);
            return;
        }

        // Enrolling twice changes nothing: the learner gets their repository's address again.
        var existing = await LedgerAsync(RepositoryFor(opened.Author), cancel).ConfigureAwait(false);
        if (existing.Enrollment is not null && existing.Setup.Contains("repository"))
        {
            await ReplyOnceAsync(github, existing.Repository, opened.Repository, opened.Number, replyKey,
                Writing.EnrollmentReplyWriter.AlreadyEnrolled(course, existing, opened.Author), close: true, cancel).ConfigureAwait(false);
            return;
        }

        // Who may enroll is decided before anything is created: a refused request costs one reply.
        if (await gate.RefusalAsync(github, opened.Author, existing).ConfigureAwait(false) is { } refusal)
        {
            LogRefused(logger, opened.Author, refusal);
            await ReplyOnceAsync(github, RepositoryFor(opened.Author), opened.Repository, opened.Number, replyKey,
                Writing.EnrollmentReplyWriter.Refused(opened.Author, refusal), close: false, cancel).ConfigureAwait(false);
            return;
        }

        try
        {
            await EnrollAsync(opened.Installation, request, $"{opened.Repository}#{opened.Number}", cancel).ConfigureAwait(false);
        }
        catch (CourseSetupException ex)
        {
            // The learner hears what happened; the delivery still fails, so it waits in the dead-letter list for a replay once fixed.
            LogSetupBroken(logger, ex.Message);
            await ReplyOnceAsync(github, RepositoryFor(opened.Author), opened.Repository, opened.Number, replyKey + ":setup",
                Writing.EnrollmentReplyWriter.SetupBroken(opened.Author), close: false, cancel).ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Posts a reply unless this one was posted before (redelivered events), optionally closing the issue.</summary>
    internal async Task ReplyOnceAsync(
        IGitHubClient github,
        string ledgerRepository,
        string issueRepository,
        int number,
        string key,
        string text,
        bool close,
        CancellationToken cancel
    )
    {
        var ledger = await LedgerAsync(ledgerRepository, cancel).ConfigureAwait(false);
        await LearnerReplies
            .PostOnceAsync(
                github,
                ledger,
                new LearnerRecorder(history, ledgerRepository),
                number,
                key,
                text,
                close,
                issueRepository,
                cancel
            )
            .ConfigureAwait(false);
    }

    private async Task WithLearnerAsync(string repository, Func<LearnerLedger, LearnerRecorder, Task> work, CancellationToken cancel)
    {
        await LockedAsync(repository, async () =>
        {
            var ledger = await LedgerAsync(repository, cancel).ConfigureAwait(false);
            if (ledger.Enrollment is null || ledger.Unenrolled)
            {
                return; // not a learner repository this course knows, or one archived at unenrollment
            }

            await work(ledger, new LearnerRecorder(history, repository)).ConfigureAwait(false);
        }).ConfigureAwait(false);
    }

    private async Task<LearnerLedger> LedgerAsync(string repository, CancellationToken cancel) =>
        LearnerLedger.From(repository, await history.ReadAsync(repository, cancel).ConfigureAwait(false));

    private async Task LockedAsync(string repository, Func<Task> work)
    {
        var held = await locks.AcquireAsync(repository, CancellationToken.None).ConfigureAwait(false);
        await using (held.ConfigureAwait(false))
        {
            await work().ConfigureAwait(false);
        }
    }

    [LoggerMessage(
        EventId = 5005,
        Level = LogLevel.Information,
        Message = "Regrade of {Lab} dispatched for {Repository} (hidden tests {Version})"
    )]
    private static partial void LogRegradeDispatched(ILogger logger, string repository, string lab, string version);

    [LoggerMessage(EventId = 5004, Level = LogLevel.Information, Message = "Reminded {Repository} of module {Module}, {Days} days overdue")]
    private static partial void LogReminded(ILogger logger, string repository, string module, int days);

    [LoggerMessage(EventId = 5002, Level = LogLevel.Error, Message = "Enrollment stopped by the organisation's setup: {Reason}")]
    private static partial void LogSetupBroken(ILogger logger, string reason);

    [LoggerMessage(EventId = 5003, Level = LogLevel.Information, Message = "Enrollment of {Login} refused: {Reason}")]
    private static partial void LogRefused(ILogger logger, string login, string reason);

    [LoggerMessage(EventId = 5001, Level = LogLevel.Information, Message = "Enrolled {Login} in {Repository}: path {Path}, pace {Pace}")]
    private static partial void LogEnrolled(ILogger logger, string login, string repository, string path, string pace);
}
