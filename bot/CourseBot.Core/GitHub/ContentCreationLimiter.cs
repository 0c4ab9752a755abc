namespace CourseBot.Core.GitHub;

/// <summary>
/// Keeps one installation's content-creating requests within GitHub's content-creation limits (80 a minute, 500 an hour):
/// a request goes out at once while both windows have room, and otherwise waits until the oldest creation in the full window
/// leaves it. Sliding windows of the exact times sent, rather than token buckets: a bucket that starts full lets its capacity
/// plus a window's refill through in one window, so it must either exceed GitHub's window or leave that capacity unused;
/// the log uses the whole limit and never more.
/// </summary>
/// <remarks>
/// Each window is widened by <see cref="GitHubResilienceOptions.ContentCreationMargin"/>: a request reaches GitHub a little after
/// it is stamped here, and not always equally late, so two requests a window apart here can be closer there.
/// </remarks>
public sealed class ContentCreationLimiter(GitHubResilienceOptions options, TimeProvider time)
{
    private readonly Queue<DateTimeOffset> _sent = new();
    private readonly Lock _gate = new();

    /// <summary>Waits until a content-creating request may go out, and counts it as sent.</summary>
    public async Task WaitAsync(CancellationToken cancel)
    {
        while (true)
        {
            var wait = TryTake();
            if (wait <= TimeSpan.Zero)
            {
                return;
            }

            await Task.Delay(wait, time, cancel).ConfigureAwait(false);
        }
    }

    /// <summary>Takes a slot now (returns zero) or returns how long until one frees.</summary>
    private TimeSpan TryTake()
    {
        var minute = TimeSpan.FromMinutes(1) + options.ContentCreationMargin;
        var hour = TimeSpan.FromHours(1) + options.ContentCreationMargin;
        lock (_gate)
        {
            var now = time.GetUtcNow();
            while (_sent.Count > 0 && now - _sent.Peek() >= hour)
            {
                _sent.Dequeue();
            }

            var wait = _sent.Count >= options.ContentCreationPerHour ? _sent.Peek() + hour - now : TimeSpan.Zero;
            if (_sent.Count >= options.ContentCreationPerMinute)
            {
                // The window's oldest creation among the last perMinute ones decides when the minute has room.
                var oldest = _sent.ElementAt(_sent.Count - options.ContentCreationPerMinute);
                wait = oldest + minute - now > wait ? oldest + minute - now : wait;
            }

            if (wait <= TimeSpan.Zero)
            {
                _sent.Enqueue(now);
            }

            return wait;
        }
    }
}
