namespace CourseBot.Core.Oidc;

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
