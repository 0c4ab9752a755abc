namespace CourseBot.GitHubEmulator;

/// <summary>
/// GitHub's content-creation limits for one installation (80 content-generating requests a minute, 500 an hour), as sliding
/// windows on the emulator's clock: a request is refused while the window already holds the limit, with the wait until the
/// oldest creation in it leaves.
/// </summary>
internal sealed class ContentCreationWindow(int perMinute, int perHour)
{
    private static readonly TimeSpan Minute = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan Hour = TimeSpan.FromHours(1);
    private readonly Queue<DateTimeOffset> _lastHour = new();

    /// <summary>Counts a creation at <paramref name="now"/> and returns null, or returns how long until one is allowed.</summary>
    public TimeSpan? TryCreate(DateTimeOffset now)
    {
        lock (_lastHour)
        {
            while (_lastHour.Count > 0 && now - _lastHour.Peek() >= Hour)
            {
                _lastHour.Dequeue();
            }

            if (_lastHour.Count >= perHour)
            {
                return _lastHour.Peek() + Hour - now;
            }

            // The minute's creations are the newest of the hour's: the perMinute-th newest decides.
            var inMinute = _lastHour.Reverse().TakeWhile(t => now - t < Minute).ToList();
            if (inMinute.Count >= perMinute)
            {
                return inMinute[perMinute - 1] + Minute - now;
            }

            _lastHour.Enqueue(now);
            return null;
        }
    }
}
