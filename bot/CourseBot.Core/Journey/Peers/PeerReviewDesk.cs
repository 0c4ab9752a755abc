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
public sealed partial class PeerReviewDesk(Course course, JourneyOptions options, PeerRoster roster, ILogger<PeerReviewDesk> logger)
{
    /// <summary>Assigns peers to a capstone pull request ready for review, or takes their access back when it closed.</summary>
    public async Task PullRequestAsync(
        IGitHubClient github,
        LearnerLedger ledger,
        LearnerRecorder recorder,
        PullRequestChanged pull,
        CancellationToken cancel
    )
    {
        ArgumentNullException.ThrowIfNull(github);
        ArgumentNullException.ThrowIfNull(ledger);
        ArgumentNullException.ThrowIfNull(recorder);
        ArgumentNullException.ThrowIfNull(pull);
        if (CapstoneOf(ledger, pull.Number) is not { } module || options.PeerReviewers == 0)
        {
            return;
        }

        if (!pull.Open)
        {
            foreach (var peer in Assigned(ledger, pull.Number))
            {
                await RemoveAccessAsync(github, ledger, recorder, module.Id, pull.Number, peer, cancel).ConfigureAwait(false);
            }

            return;
        }

        if (pull.Draft || Assignment(ledger, pull.Number) is not null)
        {
            return;
        }

        var peers = await roster.ChooseAsync(ledger, module.Id, options.PeerReviewers, cancel).ConfigureAwait(false);
        foreach (var peer in peers)
        {
            await github
                .Repository.Collaborator.Add(ledger.Owner, ledger.Name, peer, new CollaboratorRequest("pull"))
                .ConfigureAwait(false);
        }

        if (peers.Count > 0)
        {
            try
            {
                await github
                    .PullRequest.ReviewRequest.Create(ledger.Owner, ledger.Name, pull.Number, new PullRequestReviewRequest([.. peers], []))
                    .ConfigureAwait(false);
            }
            catch (ApiValidationException ex)
            {
                // The peers have access and are named in the history; the request is a notification, not the record.
                LogRequestRefused(logger, ledger.Repository, pull.Number, ex.Message);
            }
        }

        await recorder.RecordAsync(module.Id, new PeerReviewersAssigned(pull.Number, peers), cancel).ConfigureAwait(false);
        LogAssigned(logger, ledger.Repository, pull.Number, peers.Count);
        if (peers.Count == 0)
        {
            await LearnerReplies.PostOnceAsync(github, ledger, recorder, pull.Number, $"no-peer:{pull.Number}",
                "No peer from your cohort has reached this module yet, so no peer review was requested: an instructor's review stands in.",
                close: false, repository: null, cancel).ConfigureAwait(false);
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
            || !Assigned(ledger, review.Number).Contains(review.Reviewer, StringComparer.OrdinalIgnoreCase))
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

    private static PeerReviewersAssigned? Assignment(LearnerLedger ledger, int number) =>
        ledger.Events.Where(e => e.Kind == LearnerEventKinds.PeerReviewersAssigned).Select(LearnerEventJson.Read<PeerReviewersAssigned>)
            .FirstOrDefault(a => a?.Number == number);

    private static IReadOnlyList<string> Assigned(LearnerLedger ledger, int number) => Assignment(ledger, number)?.Peers ?? [];

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
