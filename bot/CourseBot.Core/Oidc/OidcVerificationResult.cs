namespace CourseBot.Core.Oidc;

/// <summary>A verified token's claims, or why the token was refused (an expected failure, not an exception).</summary>
public sealed record OidcVerificationResult(ActionsRunClaims? Claims, OidcFailure Failure, string Reason)
{
    public bool Succeeded => Failure == OidcFailure.None;

    public static OidcVerificationResult Success(ActionsRunClaims claims) => new(claims, OidcFailure.None, "");

    public static OidcVerificationResult Fail(OidcFailure failure, string reason) => new(null, failure, reason);
}
