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
