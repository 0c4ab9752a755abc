namespace CourseBot.Core.Oidc;

/// <summary>
/// Remembers token ids until they expire, so that a token is accepted once. It lives in the store
/// (SQLite file or Azure table), not in process memory: a restarted bot, or a second instance of the
/// Functions host, must refuse a token another one has already accepted.
/// </summary>
public interface IReplayGuard
{
    /// <summary>True the first time <paramref name="tokenId"/> is seen; false for a replay.</summary>
    Task<bool> TryAcceptAsync(string tokenId, DateTimeOffset expires, CancellationToken cancel);
}
