using System.Text.Json;
using System.Text.Json.Nodes;
using CourseBot.Core.Oidc;
using CourseBot.Core.Storage;
using Microsoft.Extensions.Logging;

namespace CourseBot.Core.LabGrading;

/// <summary>
/// <c>POST /api/grades</c>, host-neutral: a result counts only when it comes with a fresh OIDC
/// token of the course's grading workflow, for an enrolled repository, for a lab open for it, and
/// for the commit the token names. The accepted result is appended to the learner's history with
/// the run that produced it; anything else is refused with a reason and logged.
/// </summary>
public sealed partial class GradeIntakeEndpoint(OidcOptions options, GitHubOidcVerifier verifier, IOpenLabs openLabs, ILearnerEvents history, Journey.ILearnerChanges changes, ILogger<GradeIntakeEndpoint> logger)
{
    public const long MaxBodyBytes = 1 << 20;

    public async Task<IntakeResponse> HandleAsync(string? authorization, Stream body, CancellationToken cancel)
    {
        ArgumentNullException.ThrowIfNull(body);
        if (!options.IsConfigured)
        {
            return Refuse(503, "grading is not configured on this bot (CourseBot:Oidc:Audience and AllowedWorkflowRefs)");
        }

        if (BearerToken.From(authorization) is not { } token)
        {
            return Refuse(401, "an OIDC token from the course's grading workflow is required (Authorization: Bearer ...)");
        }

        var verified = await verifier.VerifyAsync(token, cancel).ConfigureAwait(false);
        if (!verified.Succeeded || verified.Claims is not { } run)
        {
            return Refuse(verified.Failure == OidcFailure.KeysUnavailable ? 503 : 401, verified.Reason);
        }

        JsonObject result;
        try
        {
            using var limited = new MemoryStream();
            await body.CopyToAsync(limited, cancel).ConfigureAwait(false);
            if (limited.Length > MaxBodyBytes)
            {
                return Refuse(413, "result larger than 1 MiB");
            }

            result = JsonNode.Parse(limited.ToArray())?.AsObject() ?? throw new JsonException("empty");
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            return Refuse(400, "the result is not a JSON object");
        }

        var lab = (string?)result["lab"];
        var sha = (string?)result["sha"];
        if (result["version"]?.GetValue<int>() != 1 || lab is null || result["score"] is null || result["max_score"] is null || result["passed"] is null)
        {
            return Refuse(400, "the result is not a version 1 grade result (lab, sha, score, max_score, passed)");
        }

        if (!(await openLabs.ForAsync(run.Repository, cancel).ConfigureAwait(false)).Contains(lab, StringComparer.Ordinal))
        {
            return Refuse(403, $"lab {lab} is not open for {run.Repository}");
        }

        if (!string.Equals(sha, run.Sha, StringComparison.OrdinalIgnoreCase))
        {
            return Refuse(409, $"the result is for commit {sha} but the run graded {run.Sha}");
        }

        var record = new JsonObject
        {
            ["run_id"] = run.RunId,
            ["run_attempt"] = run.RunAttempt,
            ["sha"] = run.Sha,
            ["ref"] = run.Ref,
            ["workflow"] = run.JobWorkflowRef,
            ["score"] = result["score"]!.DeepClone(),
            ["max_score"] = result["max_score"]!.DeepClone(),
            ["passed"] = result["passed"]!.DeepClone(),
            ["isolated"] = result["isolated"]?.DeepClone(),
            ["result"] = result.DeepClone(),
        };
        var entry = await history.AppendAsync(run.Repository, LearnerEventKinds.LabGraded, lab, record.ToJsonString(), cancel).ConfigureAwait(false);
        // The learner's issue, results comment and README follow from the queue, not in this request.
        await changes.ChangedAsync(run.Repository, $"grade-{entry.Sequence}", cancel).ConfigureAwait(false);
        LogRecorded(logger, run.Repository, lab, run.Sha, run.RunId, (double?)result["score"] ?? 0, (double?)result["max_score"] ?? 0);
        return new IntakeResponse(201, $"recorded as event {entry.Sequence}");
    }

    private IntakeResponse Refuse(int status, string reason)
    {
        LogRefused(logger, status, reason);
        return new IntakeResponse(status, reason);
    }

    [LoggerMessage(EventId = 4200, Level = LogLevel.Warning, Message = "Grade refused with {Status}: {Reason}")]
    private static partial void LogRefused(ILogger logger, int status, string reason);

    [LoggerMessage(EventId = 4201, Level = LogLevel.Information, Message = "Grade recorded for {Repository} {Lab} at {Sha} (run {RunId}): {Score}/{MaxScore}")]
    private static partial void LogRecorded(ILogger logger, string repository, string lab, string sha, string runId, double score, double maxScore);
}

/// <summary>A status and what happened (or why not).</summary>
public sealed record IntakeResponse(int Status, string Message);
