using CourseBot.Core.Curriculum.Model;
using CourseBot.Core.Journey.Capstones;
using CourseBot.Core.Journey.History;
using CourseBot.Core.Journey.Sync;
using Microsoft.Extensions.Logging;
using Octokit;

namespace CourseBot.Core.Journey;

/// <summary>
/// Capstones reviewed as pull requests. A pull request is recorded against its capstone module
/// (<see cref="CapstoneModuleResolver"/>) and, once it is not a draft, the instructors team is asked
/// to review it. A review counts only from an active member of the instructors team (a dismissal only when one
/// dismissed it), asked of GitHub on every review: an approval with every rubric criterion scored (<see cref="RubricScoreParser"/>)
/// passes the capstone, a request for changes is shown, a dismissal withdraws the review; anything
/// else gets one reply saying why it did not count and records nothing. The rubric comment, the module
/// issue and the README follow from the record in the sync that comes after.
/// </summary>
public sealed partial class CapstoneDesk(Course course, JourneyOptions options, ILogger<CapstoneDesk> logger)
{
    /// <summary>
    /// Records a pull request change of a capstone. Changed: the record changed and the repository should be synced; Module: the
    /// capstone module it is for, or null when it is not a capstone's.
    /// </summary>
    public async Task<(bool Changed, Module? Module)> PullRequestAsync(
        IGitHubClient github,
        LearnerLedger ledger,
        LearnerRecorder recorder,
        PullRequestChanged pull,
        CancellationToken cancel
    )
    {
        ArgumentNullException.ThrowIfNull(github);
        ArgumentNullException.ThrowIfNull(ledger);
        ArgumentNullException.ThrowIfNull(pull);
        var module = ModuleOf(ledger, pull.Number, pull.Body, pull.Title, pull.Branch);
        if (module is null)
        {
            await ExplainUnknownAsync(github, ledger, recorder, pull, cancel).ConfigureAwait(false);
            return (false, null);
        }

        var data = new CapstonePullRequest(pull.Number, pull.Action, pull.Draft, pull.Open, pull.Head, pull.At, pull.Url);
        var changed = false;
        if (!Recorded(ledger, module.Id, data))
        {
            await recorder.RecordAsync(module.Id, data, cancel).ConfigureAwait(false);
            changed = true;
        }

        // Into the instructors' queue once, when it is ready for review.
        if (pull.Open && !pull.Draft && !ledger.Replies.Contains($"review-requested:{pull.Number}"))
        {
            try
            {
                await github
                    .PullRequest.ReviewRequest.Create(
                        ledger.Owner,
                        ledger.Name,
                        pull.Number,
                        new PullRequestReviewRequest([], [options.InstructorsTeam])
                    )
                    .ConfigureAwait(false);
            }
            catch (ApiValidationException ex)
            {
                // The team lost access or does not exist: the rubric comment still tells instructors what to do.
                LogReviewRequestRefused(logger, ledger.Repository, pull.Number, ex.Message);
            }

            await LearnerReplies
                .PostOnceAsync(
                    github,
                    ledger,
                    recorder,
                    pull.Number,
                    $"review-requested:{pull.Number}",
                    "",
                    close: false,
                    repository: null,
                    cancel
                )
                .ConfigureAwait(false);
        }

        return (changed, module);
    }

    /// <summary>Records an instructor's review or its dismissal; true when the record changed.</summary>
    public async Task<bool> ReviewAsync(
        IGitHubClient github,
        LearnerLedger ledger,
        LearnerRecorder recorder,
        PullRequestReviewed review,
        CancellationToken cancel
    )
    {
        ArgumentNullException.ThrowIfNull(github);
        ArgumentNullException.ThrowIfNull(ledger);
        ArgumentNullException.ThrowIfNull(review);
        var state = review.Action == "dismissed" ? "dismissed" : review.State.ToLowerInvariant();
        if (state is not ("approved" or "changes_requested" or "dismissed")
            || ModuleOf(ledger, review.Number, review.PullBody, review.PullTitle, review.Branch) is not { Capstone: { } capstone } module)
        {
            return false; // a comment-only review, or a pull request that is not a capstone
        }

        // A review already on record (its dismissal included) is not looked at again: redelivered webhooks change nothing.
        var known = ledger.Events.Where(e => e.Kind == LearnerEventKinds.CapstoneReview && e.Subject == module.Id)
            .Select(LearnerEventJson.Read<CapstoneReview>).Where(d => d?.Review == review.ReviewId).ToList();
        if (known.Any(d => d!.State == state || d.State == "dismissed"))
        {
            return false;
        }

        // A submission counts from an instructor; a dismissal only when an instructor dismissed it (a learner with push
        // access could otherwise dismiss a request for changes and bring back an earlier approval).
        var actor = state == "dismissed" ? review.Sender : review.Reviewer;
        if (!await InstructorTeam.IsMemberAsync(github, options, actor).ConfigureAwait(false))
        {
            LogNotInstructor(logger, actor, ledger.Repository, review.Number);
            // An assigned peer hears from the peer review desk that their review was recorded as participation.
            if (state != "dismissed" && !Peers.PeerReviewDesk.IsAssignedPeer(ledger, review.Number, review.Reviewer))
            {
                await ReplyAsync(
                        github,
                        ledger,
                        recorder,
                        review.Number,
                        $"not-instructor:{review.Number}:{review.Reviewer.ToLowerInvariant()}",
                        $"@{review.Reviewer}, thank you for reviewing. Only reviews by the `{options.InstructorsTeam}` team count toward "
                        + $"the capstone, so this one was not recorded.",
                        cancel
                    )
                    .ConfigureAwait(false);
            }

            return false;
        }

        var data = new CapstoneReview(review.Number, review.ReviewId, state, review.Reviewer, actor, review.Commit, review.At, review.Url);
        if (state == "approved")
        {
            var scores = RubricScoreParser.Parse(capstone, review.Body);
            if (!scores.Complete)
            {
                await ReplyAsync(github, ledger, recorder, review.Number, $"rubric:{review.ReviewId}", Incomplete(review, scores), cancel)
                    .ConfigureAwait(false);
                return false;
            }

            data = data with
            {
                Scores = scores.Scores.ToDictionary(s => s.Criterion, s => s.Points, StringComparer.Ordinal),
                Total = scores.Total,
                Max = scores.Max,
            };
        }

        await recorder.RecordAsync(module.Id, data, cancel).ConfigureAwait(false);
        LogReview(logger, review.Reviewer, state, module.Id, ledger.Repository);
        return true;
    }

    private static string Incomplete(PullRequestReviewed review, RubricScores scores) =>
        $"@{review.Reviewer}, this approval was not recorded: the rubric is not complete.\n\n"
        + string.Join('\n', scores.Problems.Select(p => "- " + p))
        + "\n\nScore every criterion in the review's text, one line each (`criterion: points`), or paste the rubric table with a score "
        + "column, "
        + "then approve again (a new review). The rubric comment on this pull request lists the criteria.";

    /// <summary>The capstone module of a pull request: as recorded before, else from the pull request itself.</summary>
    private Module? ModuleOf(LearnerLedger ledger, int number, string? body, string? title, string? branch)
    {
        var recorded = ledger.Events.Where(e => e.Kind == LearnerEventKinds.CapstonePullRequest)
            .FirstOrDefault(e => LearnerEventJson.Read<CapstonePullRequest>(e)?.Number == number)?.Subject;
        if (recorded is not null)
        {
            return course.FindModule(recorded);
        }

        return ledger.Progress(course) is { } progress ? CapstoneModuleResolver.Resolve(course, progress, body, title, branch) : null;
    }

    /// <summary>
    /// A pull request that names a capstone which cannot be matched (unknown or still locked) gets one answer; others are the learner's
    /// own.
    /// </summary>
    private async Task ExplainUnknownAsync(
        IGitHubClient github,
        LearnerLedger ledger,
        LearnerRecorder recorder,
        PullRequestChanged pull,
        CancellationToken cancel
    )
    {
        var text = $"{pull.Title} {pull.Branch} {pull.Body}";
        if (!pull.Open || !text.Contains("capstone", StringComparison.OrdinalIgnoreCase))
        {
            return;
        }

        var open =
            ledger
                .Progress(course)
                ?.Modules.Where(m => m.IsUnlocked && m.Module.Capstone is not null)
                .Select(m => $"Capstone {m.Module.Capstone!.Number}")
                .ToList() ?? [];
        await ReplyAsync(
                github,
                ledger,
                recorder,
                pull.Number,
                $"capstone-unknown:{pull.Number}",
                "I could not match this pull request to a capstone you have unlocked, so it is not in the review queue. "
                    + "Start its description from the capstone's template (`.github/PULL_REQUEST_TEMPLATE/`), or title it \"Capstone N: "
                    + "...\". "
                    + (open.Count > 0 ? $"Unlocked: {string.Join(", ", open)}." : "No capstone is unlocked yet."),
                cancel
            )
            .ConfigureAwait(false);
    }

    private static Task<bool> ReplyAsync(
        IGitHubClient github,
        LearnerLedger ledger,
        LearnerRecorder recorder,
        int number,
        string key,
        string text,
        CancellationToken cancel
    ) => LearnerReplies.PostOnceAsync(github, ledger, recorder, number, key, text, close: false, repository: null, cancel);

    private static bool Recorded(LearnerLedger ledger, string subject, LearnerEventData data)
    {
        var json = LearnerEventJson.Write(data);
        return ledger.Events.Any(e => e.Kind == data.Kind && e.Subject == subject && e.Data == json);
    }

    [LoggerMessage(EventId = 5501, Level = LogLevel.Warning, Message = "Review request for {Repository}#{Number} refused: {Reason}")]
    private static partial void LogReviewRequestRefused(ILogger logger, string repository, int number, string reason);

    [LoggerMessage(
        EventId = 5502,
        Level = LogLevel.Information,
        Message = "Review by {Login} on {Repository}#{Number} not counted: not in the instructors team"
    )]
    private static partial void LogNotInstructor(ILogger logger, string login, string repository, int number);

    [LoggerMessage(
        EventId = 5503,
        Level = LogLevel.Information,
        Message = "{Login} recorded a {State} review of capstone {Module} in {Repository}"
    )]
    private static partial void LogReview(ILogger logger, string login, string state, string module, string repository);
}
