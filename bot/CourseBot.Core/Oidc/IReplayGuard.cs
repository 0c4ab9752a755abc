using System.Collections.Concurrent;

namespace CourseBot.Core.Oidc;

/// <summary>Remembers token ids until they expire, so that a token is accepted once.</summary>
public interface IReplayGuard
{
    /// <summary>True the first time <paramref name="tokenId"/> is seen; false for a replay.</summary>
    bool TryAccept(string tokenId, DateTimeOffset expires);
}

/// <summary>In-process guard (one host). A multi-instance deployment uses the store's guard instead.</summary>
public sealed class MemoryReplayGuard(TimeProvider time) : IReplayGuard
{
    private readonly ConcurrentDictionary<string, DateTimeOffset> _seen = new(StringComparer.Ordinal);

    public bool TryAccept(string tokenId, DateTimeOffset expires)
    {
        var now = time.GetUtcNow();
        if (_seen.Count > 10_000)
        {
            foreach (var (id, until) in _seen)
            {
                if (until < now)
                {
                    _seen.TryRemove(id, out _);
                }
            }
        }

        return _seen.TryAdd(tokenId, expires);
    }
}
