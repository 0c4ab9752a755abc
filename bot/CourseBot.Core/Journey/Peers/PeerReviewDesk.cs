using CourseBot.Core.Curriculum.Model;
using CourseBot.Core.Journey.History;
using CourseBot.Core.Journey.Sync;
using Microsoft.Extensions.Logging;
using Octokit;

namespace CourseBot.Core.Journey.Peers;

/// <summary>
/// Peer review of capstone pull requests. When one becomes ready for review, peers from the author's cohort who have reached
/// the module (<see cref="PeerRoster"/>) get read access and a review request, once; with none available the pull request says
/// so and the instructors' review stands in. A peer's review counts as their participation when it is substantive
/// (<see cref="IsSubstantive"/>); their access is then taken back, as it is for every peer when the pull request closes.
/// A peer's review is never an instructor's review: <see cref="CapstoneDesk"/> decides that, from the instructors team alone.
/// </summary>
public sealed partial class PeerReviewDesk(
    Course course, JourneyOptions options, PeerRoster roster, TimeProvider time, ILogger<PeerReviewDesk> logger)
{
    /// <summary>
    /// Assigns peers to a capstone pull request ready for review, or takes their access back when it closed. <paramref name="module"/>
    /// is the capstone as just resolved for this delivery (the history read before it was recorded may not name it yet).
    /// </summary>
    public async Task PullRequestAsync(
        IGitHubClient github,
        LearnerLedger ledger,
        LearnerRecorder recorder,
        PullRequestChanged pull,
        Module? module,
        CancellationToken cancel
    )
    {
        ArgumentNullException.ThrowIfNull(github);
        ArgumentNullException.ThrowIfNull(ledger);
        ArgumentNullException.ThrowIfNull(recorder);
        ArgumentNullException.ThrowIfNull(pull);
        if ((module ?? CapstoneOf(ledger, pull.Number)) is not { Capstone: not null } capstone || options.PeerReviewers == 0)
        {
            return;
        }

        if (!pull.Open)
        {
            foreach (var peer in PeerWaiting.Assigned(ledger, pull.Number))
            {
                await RemoveAccessAsync(github, ledger, recorder, capstone.Id, pull.Number, peer, cancel).ConfigureAwait(false);
            }

            return;
        }

        if (!pull.Draft)
        {
            await AssignAsync(github, ledger, recorder, capstone, pull.Number, cancel).ConfigureAwait(false);
        }
    }

    /// <summary>From the reconciler: asks again for peers for a pull request still waiting for them (<see cref="PeerWaiting"/>).</summary>
    public async Task RetryAsync(IGitHubClient github, LearnerLedger ledger, LearnerRecorder recorder, int number, CancellationToken cancel)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        if (CapstoneOf(ledger, number) is { } module && PeerWaiting.Waiting(ledger, options, time.GetUtcNow()).Contains(number))
        {
            await AssignAsync(github, ledger, recorder, module, number, cancel).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Tops the pull request's peers up to <see cref="JourneyOptions.PeerReviewers"/> from those available now (read access, a
    /// review request, recorded). With none at all after <see cref="JourneyOptions.PeerWait"/>, says once that no peer is available.
    /// </summary>
    private async Task AssignAsync(
        IGitHubClient github, LearnerLedger ledger, LearnerRecorder recorder, Module module, int number, CancellationToken cancel)
    {
        var assigned = PeerWaiting.Assigned(ledger, number);
        var missing = options.PeerReviewers - assigned.Count;
        if (missing <= 0 || ledger.Replies.Contains(PeerWaiting.NoPeerKey(number)))
        {
            return;
        }

        var available = await roster.ChooseAsync(ledger, module.Id, options.PeerReviewers + assigned.Count, cancel).ConfigureAwait(false);
        var peers = available.Where(p => !assigned.Contains(p, StringComparer.OrdinalIgnoreCase)).Take(missing).ToList();
        if (peers.Count > 0)
        {
            await GiveAccessAsync(github, ledger, number, peers).ConfigureAwait(false);
            await recorder.RecordAsync(module.Id, new PeerReviewersAssigned(number, peers), cancel).ConfigureAwait(false);
            LogAssigned(logger, ledger.Repository, number, peers.Count);
            return;
        }

        if (assigned.Count == 0 && PeerWaiting.ReadySince(ledger, number) is { } since && time.GetUtcNow() - since >= options.PeerWait)
        {
            await LearnerReplies.PostOnceAsync(github, ledger, recorder, number, PeerWaiting.NoPeerKey(number),
                "No peer from your cohort has reached this module in time, so no peer review was requested: "
                + "an instructor's review stands in.",
                close: false, repository: null, cancel).ConfigureAwait(false);
        }
    }

    private async Task GiveAccessAsync(IGitHubClient github, LearnerLedger ledger, int number, List<string> peers)
    {
        foreach (var peer in peers)
        {
            await github.Repository.Collaborator.Add(ledger.Owner, ledger.Name, peer, new CollaboratorRequest("pull"))
                .ConfigureAwait(false);
        }

        try
        {
            await github.PullRequest.ReviewRequest.Create(ledger.Owner, ledger.Name, number, new PullRequestReviewRequest([.. peers], []))
                .ConfigureAwait(false);
        }
        catch (ApiValidationException ex)
        {
            // The peers have access and are named in the history; the request is a notification, not the record.
            LogRequestRefused(logger, ledger.Repository, number, ex.Message);
        }
    }

    /// <summary>
    /// An assigned peer's review, in the author's repository: when substantive, the peer's access ends and the participation to
    /// record in the peer's history is returned; a short one gets one reply saying what counts. Null when nothing is to be recorded.
    /// </summary>
    public async Task<(string Module, PeerReviewGiven Given)?> ReviewAsync(
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
        if (review.Action != "submitted" || CapstoneOf(ledger, review.Number) is not { Capstone: { } capstone } module
            || !IsAssignedPeer(ledger, review.Number, review.Reviewer))
        {
            return null;
        }

        if (!IsSubstantive(capstone, review.Body, options.PeerReviewMinLength))
        {
            await LearnerReplies
                .PostOnceAsync(
                    github,
                    ledger,
                    recorder,
                    review.Number,
                    $"peer-short:{review.Number}:{review.Reviewer.ToLowerInvariant()}",
                    $"@{review.Reviewer}, thank you. A peer review counts when it comments on every rubric criterion (name each one) "
                        + $"or is at least {options.PeerReviewMinLength} characters long; this one is shorter, so it was not counted yet. "
                        + "Add a new review with more detail.",
                    close: false,
                    repository: null,
                    cancel
                )
                .ConfigureAwait(false);
            return null;
        }

        await RemoveAccessAsync(github, ledger, recorder, module.Id, review.Number, review.Reviewer, cancel).ConfigureAwait(false);
        if (review.State.ToLowerInvariant() is "approved" or "changes_requested")
        {
            // A peer's verdict could be taken for the grade: they hear that their review counted, as participation only.
            var key = $"peer-recorded:{review.Number}:{review.Reviewer.ToLowerInvariant()}";
            await LearnerReplies.PostOnceAsync(github, ledger, recorder, review.Number, key,
                $"@{review.Reviewer}, thank you: your peer review was recorded as your participation. Only reviews by the "
                + $"`{options.InstructorsTeam}` team decide the capstone, so its verdict does not pass or hold it back.",
                close: false, repository: null, cancel).ConfigureAwait(false);
        }

        return (module.Id, new PeerReviewGiven(ledger.Repository, review.Number, review.ReviewId, review.At, review.Url));
    }

    /// <summary>Records a counted peer review in the peer's history, once per pull request; true when it was new.</summary>
    public static async Task<bool> RecordGivenAsync(
        LearnerLedger peer,
        LearnerRecorder recorder,
        string moduleId,
        PeerReviewGiven given,
        CancellationToken cancel
    )
    {
        ArgumentNullException.ThrowIfNull(peer);
        ArgumentNullException.ThrowIfNull(recorder);
        ArgumentNullException.ThrowIfNull(given);
        if (
            peer
                .Events.Where(e => e.Kind == LearnerEventKinds.PeerReviewGiven)
                .Select(LearnerEventJson.Read<PeerReviewGiven>)
                .Any(g =>
                    g is not null && g.Number == given.Number && g.Repository.Equals(given.Repository, StringComparison.OrdinalIgnoreCase)
                )
        )
        {
            return false;
        }

        await recorder.RecordAsync(moduleId, given, cancel).ConfigureAwait(false);
        return true;
    }

    /// <summary>
    /// Substantive: every rubric criterion named (its first three words, case aside: "Retries and failures"), or at least
    /// <paramref name="minLength"/> characters.
    /// The text is only measured and searched, never echoed, so hostile input changes nothing but the count.
    /// </summary>
    public static bool IsSubstantive(Capstone capstone, string? body, int minLength)
    {
        ArgumentNullException.ThrowIfNull(capstone);
        var text = (body ?? "").Trim();
        return text.Length >= minLength
            || (
                capstone.Rubric.Length > 0
                && capstone.Rubric.All(r => text.Contains(Named(r.Criterion), StringComparison.OrdinalIgnoreCase))
            );
    }

    private static string Named(string criterion) => string.Join(' ', criterion.Split(' ', StringSplitOptions.RemoveEmptyEntries).Take(3));

    /// <summary>The capstone module of the pull request, if the author's history records it as one.</summary>
    public Module? CapstoneOf(LearnerLedger ledger, int number)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        var subject = ledger.Events.Where(e => e.Kind == LearnerEventKinds.CapstonePullRequest)
            .FirstOrDefault(e => LearnerEventJson.Read<CapstonePullRequest>(e)?.Number == number)?.Subject;
        return subject is null ? null : course.FindModule(subject);
    }

    /// <summary>
    /// True when <paramref name="login"/> is a peer asked to review the pull request (their review is a peer's, not the instructors').
    /// </summary>
    public static bool IsAssignedPeer(LearnerLedger ledger, int number, string login) =>
        PeerWaiting.Assigned(ledger, number).Contains(login, StringComparer.OrdinalIgnoreCase);

    private async Task RemoveAccessAsync(
        IGitHubClient github,
        LearnerLedger ledger,
        LearnerRecorder recorder,
        string moduleId,
        int number,
        string peer,
        CancellationToken cancel
    )
    {
        var removed = ledger
            .Events.Where(e => e.Kind == LearnerEventKinds.GitHubPeerAccess)
            .Select(LearnerEventJson.Read<PeerAccessRemoved>)
            .Any(r => r?.Number == number && r.Peer.Equals(peer, StringComparison.OrdinalIgnoreCase));
        if (removed)
        {
            return;
        }

        try
        {
            await github.Repository.Collaborator.Delete(ledger.Owner, ledger.Name, peer).ConfigureAwait(false);
        }
        catch (NotFoundException)
        {
            // Already gone (removed by hand, or the invitation was never accepted and expired): the outcome wanted.
        }

        await recorder.RecordAsync(moduleId, new PeerAccessRemoved(number, peer), cancel).ConfigureAwait(false);
        LogAccessRemoved(logger, peer, ledger.Repository, number);
    }

    [LoggerMessage(EventId = 5601, Level = LogLevel.Information, Message = "{Count} peer(s) asked to review {Repository}#{Number}")]
    private static partial void LogAssigned(ILogger logger, string repository, int number, int count);

    [LoggerMessage(EventId = 5602, Level = LogLevel.Warning, Message = "Peer review request for {Repository}#{Number} refused: {Reason}")]
    private static partial void LogRequestRefused(ILogger logger, string repository, int number, string reason);

    [LoggerMessage(EventId = 5603, Level = LogLevel.Information, Message = "{Peer} no longer has access to {Repository} (#{Number})")]
    private static partial void LogAccessRemoved(ILogger logger, string peer, string repository, int number);
}
