using CourseBot.Core.Oidc;
using Microsoft.Extensions.Logging;

namespace CourseBot.Core.LabGrading;

/// <summary>
/// <c>GET /api/grading/bundle</c>, host-neutral: verifies the caller's OIDC token and returns the
/// bundles of the labs open for the token's repository, only to the repository the bot enrolled
/// (its ids) on a runner the course trusts. Both hosts map their request onto this.
/// </summary>
public sealed partial class GradingBundleEndpoint(
    OidcOptions options,
    GitHubOidcVerifier verifier,
    RunIdentityCheck identity,
    IOpenLabs openLabs,
    GradingBundleBuilder builder,
    ILogger<GradingBundleEndpoint> logger)
{
    public async Task<BundleResponse> HandleAsync(string? authorization, CancellationToken cancel)
    {
        if (!options.IsConfigured)
        {
            LogRefused(logger, "OIDC is not configured");
            return BundleResponse.Refuse(503, "grading is not configured on this bot (CourseBot:Oidc:Audience and AllowedWorkflowRefs)");
        }

        if (BearerToken.From(authorization) is not { } token)
        {
            LogRefused(logger, "no bearer token");
            return BundleResponse.Refuse(401, "an OIDC token from the course's grading workflow is required (Authorization: Bearer ...)");
        }

        var verified = await verifier.VerifyAsync(token, cancel).ConfigureAwait(false);
        if (!verified.Succeeded || verified.Claims is not { } claims)
        {
            LogRefused(logger, verified.Reason);
            return BundleResponse.Refuse(verified.Failure == OidcFailure.KeysUnavailable ? 503 : 401, verified.Reason);
        }

        if (await identity.RefusalAsync(claims, cancel).ConfigureAwait(false) is { } refusal)
        {
            LogRefused(logger, refusal);
            return BundleResponse.Refuse(403, refusal);
        }

        var labs = await openLabs.ForAsync(claims.Repository, cancel).ConfigureAwait(false);
        if (labs.Count == 0)
        {
            LogNotEnrolled(logger, claims.Repository);
            return BundleResponse.Refuse(403, $"{claims.Repository} is not an enrolled learner repository with open labs");
        }

        var accepted = await verifier.AcceptOnceAsync(claims, cancel).ConfigureAwait(false);
        if (!accepted.Succeeded)
        {
            LogRefused(logger, accepted.Reason);
            return BundleResponse.Refuse(401, accepted.Reason);
        }

        var bundle = builder.Build(claims.Repository, claims.Sha, labs);
        LogServed(logger, claims.Repository, claims.RunId, bundle.Labs.Count);
        return new BundleResponse(200, bundle, null);
    }

    [LoggerMessage(EventId = 4100, Level = LogLevel.Warning, Message = "Grading bundle refused: {Reason}")]
    private static partial void LogRefused(ILogger logger, string reason);

    [LoggerMessage(EventId = 4101, Level = LogLevel.Warning, Message = "Grading bundle refused: {Repository} has no open labs")]
    private static partial void LogNotEnrolled(ILogger logger, string repository);

    [LoggerMessage(
        EventId = 4102,
        Level = LogLevel.Information,
        Message = "Grading bundle served to {Repository} run {RunId}: {Labs} labs"
    )]
    private static partial void LogServed(ILogger logger, string repository, string runId, int labs);
}
