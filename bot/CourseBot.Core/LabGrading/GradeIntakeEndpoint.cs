using CourseBot.Core.Journey.History;
using CourseBot.Core.Oidc;
using CourseBot.Core.Storage;
using CourseBot.Core.Telemetry;
using Microsoft.Extensions.Logging;

namespace CourseBot.Core.LabGrading;

/// <summary>
/// <c>POST /api/grades</c>, host-neutral: a result counts only when it comes with a fresh OIDC
/// token of the course's grading workflow, from the repository the bot enrolled (its ids, not just
/// its name), for a lab open for it, for the commit the token names, and when its checks are the
/// lab's own. Points, maximum and pass are the bot's, computed from the lab's <c>lab.yml</c>; the
/// result is appended to the learner's history with the run that produced it (check details for
/// instructors included). Anything else is refused with a reason and logged.
/// </summary>
public sealed partial class GradeIntakeEndpoint(
    OidcOptions options,
    GitHubOidcVerifier verifier,
    RunIdentityCheck identity,
    IOpenLabs openLabs,
    LabRulesReader labs,
    ILearnerEvents history,
    Journey.ILearnerChanges changes,
    CourseBotTelemetry telemetry,
    ILogger<GradeIntakeEndpoint> logger)
{
    public const long MaxBodyBytes = 1 << 20;

    public async Task<IntakeResponse> HandleAsync(string? authorization, Stream body, CancellationToken cancel)
    {
        ArgumentNullException.ThrowIfNull(body);
        if (!options.IsConfigured)
        {
            return Refuse(
                503,
                GradeRefusal.NotConfigured,
                "grading is not configured on this bot (CourseBot:Oidc:Audience and AllowedWorkflowRefs)");
        }

        if (BearerToken.From(authorization) is not { } token)
        {
            return Refuse(
                401, GradeRefusal.NoToken, "an OIDC token from the course's grading workflow is required (Authorization: Bearer ...)");
        }

        var verified = await verifier.VerifyAsync(token, cancel).ConfigureAwait(false);
        if (!verified.Succeeded || verified.Claims is not { } run)
        {
            var keys = verified.Failure == OidcFailure.KeysUnavailable;
            return Refuse(keys ? 503 : 401, keys ? GradeRefusal.KeysUnavailable : GradeRefusal.TokenInvalid, verified.Reason);
        }

        // The body is checked before the token is used up: a run whose result is malformed can send it again.
        var bytes = await Webhooks.WebhookIngress.ReadAsync(body, MaxBodyBytes, cancel).ConfigureAwait(false);
        if (bytes is null)
        {
            return Refuse(413, GradeRefusal.TooLarge, "result larger than 1 MiB");
        }

        var (result, problem) = ReportedResultParser.Parse(bytes);
        if (result is null)
        {
            return Refuse(400, GradeRefusal.Malformed, problem ?? "the result is not a version 1 grade result");
        }

        var accepted = await verifier.AcceptOnceAsync(run, cancel).ConfigureAwait(false);
        if (!accepted.Succeeded)
        {
            return Refuse(401, GradeRefusal.TokenReused, accepted.Reason);
        }

        return await RecordAsync(run, result, cancel).ConfigureAwait(false);
    }

    private async Task<IntakeResponse> RecordAsync(ActionsRunClaims run, ReportedResult result, CancellationToken cancel)
    {
        if (await identity.RefusalAsync(run, cancel).ConfigureAwait(false) is { } refusal)
        {
            return Refuse(403, GradeRefusal.NotEnrolled, refusal);
        }

        if (!(await openLabs.ForAsync(run.Repository, cancel).ConfigureAwait(false)).Contains(result.Lab, StringComparer.Ordinal))
        {
            return Refuse(403, GradeRefusal.LabNotOpen, $"lab {result.Lab} is not open for {run.Repository}");
        }

        if (!string.Equals(result.Sha, run.Sha, StringComparison.OrdinalIgnoreCase))
        {
            return Refuse(409, GradeRefusal.WrongCommit, $"the result is for commit {result.Sha} but the run graded {run.Sha}");
        }

        if (labs.Find(result.Lab) is not { } rules)
        {
            return Refuse(422, GradeRefusal.UnknownLab, $"lab {result.Lab} has no checks this bot can score it by");
        }

        var (scored, problem) = ResultScorer.Score(rules, result);
        if (scored is null)
        {
            return Refuse(422, GradeRefusal.ChecksMismatch, problem ?? "the result does not match the lab's checks");
        }

        var record = GradeRecord.Of(run, result, scored) with { HiddenVersion = labs.HiddenVersion(result.Lab) };
        var entry = await history.AppendAsync(run.Repository, result.Lab, record, cancel).ConfigureAwait(false);
        // The learner's issue, results comment and README follow from the queue, not in this request.
        await changes.ChangedAsync(run.Repository, $"grade-{entry.Sequence}", cancel).ConfigureAwait(false);
        LogRecorded(logger, run.Repository, result.Lab, run.Sha, run.RunId, scored.Score, scored.MaxScore);
        telemetry.GradeAccepted(scored.Passed);
        var verdict = scored.Passed ? "passed" : "not passed";
        return new IntakeResponse(201, $"recorded as event {entry.Sequence}: {scored.Score:0.##} / {scored.MaxScore}, {verdict}");
    }

    private IntakeResponse Refuse(int status, string code, string reason)
    {
        telemetry.GradeRefused(code, status);
        LogRefused(logger, status, reason);
        return new IntakeResponse(status, reason);
    }

    [LoggerMessage(EventId = 4200, Level = LogLevel.Warning, Message = "Grade refused with {Status}: {Reason}")]
    private static partial void LogRefused(ILogger logger, int status, string reason);

    [LoggerMessage(
        EventId = 4201,
        Level = LogLevel.Information,
        Message = "Grade recorded for {Repository} {Lab} at {Sha} (run {RunId}): {Score}/{MaxScore}"
    )]
    private static partial void LogRecorded(
        ILogger logger,
        string repository,
        string lab,
        string sha,
        string runId,
        double score,
        double maxScore
    );
}
