namespace CourseBot.Core.Oidc;

public enum OidcFailure
{
    None,
    Malformed,
    UnsupportedAlgorithm,
    UnknownKey,
    BadSignature,
    WrongIssuer,
    WrongAudience,
    Expired,
    NotYetValid,
    WrongWorkflow,
    MissingClaim,
    Replayed,
    KeysUnavailable,
}

/// <summary>
/// The claims of a verified GitHub Actions run that the bot relies on. The ids, unlike the name, are
/// never reused: a repository deleted and created again under the same name gets a new one.
/// </summary>
public sealed record ActionsRunClaims(
    string Repository,
    string RepositoryId,
    string RepositoryOwnerId,
    string RunnerEnvironment,
    string Sha,
    string Ref,
    string RunId,
    string RunAttempt,
    string JobWorkflowRef,
    string TokenId,
    DateTimeOffset Expires);

/// <summary>A verified token's claims, or why the token was refused (an expected failure, not an exception).</summary>
public sealed record OidcVerificationResult(ActionsRunClaims? Claims, OidcFailure Failure, string Reason)
{
    public bool Succeeded => Failure == OidcFailure.None;

    public static OidcVerificationResult Success(ActionsRunClaims claims) => new(claims, OidcFailure.None, "");

    public static OidcVerificationResult Fail(OidcFailure failure, string reason) => new(null, failure, reason);
}

/// <summary>Reads the token of an <c>Authorization: Bearer ...</c> header.</summary>
public static class BearerToken
{
    public static string? From(string? authorization)
    {
        const string scheme = "Bearer ";
        return authorization is not null && authorization.StartsWith(scheme, StringComparison.OrdinalIgnoreCase) ? authorization[scheme.Length..].Trim() : null;
    }
}
