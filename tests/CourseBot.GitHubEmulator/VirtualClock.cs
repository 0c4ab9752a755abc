namespace CourseBot.GitHubEmulator;

/// <summary>
/// A clock that moves only when told, for runs that would take hours of real time (GitHub's 500 creations an hour): it knows
/// its pending timers, so a driver can move it straight to the next one whenever everything is waiting
/// (<see cref="AdvanceToNextTimer"/>). FakeTimeProvider moves by a given amount and does not say when its next timer is due,
/// so stepping it would either overshoot a wait or crawl.
/// </summary>
public sealed class VirtualClock(DateTimeOffset start) : TimeProvider
{
    private readonly Lock _gate = new();
    private readonly List<VirtualTimer> _timers = [];
    private DateTimeOffset _now = start;

    public override DateTimeOffset GetUtcNow()
    {
        lock (_gate)
        {
            return _now;
        }
    }

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    public override long GetTimestamp() => GetUtcNow().UtcTicks;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new VirtualTimer(this, callback, state);
        timer.Change(dueTime, period);
        return timer;
    }

    /// <summary>When the earliest pending timer is due (null when none is).</summary>
    public DateTimeOffset? NextDue
    {
        get
        {
            lock (_gate)
            {
                return _timers.Count == 0 ? null : _timers.Min(t => t.Due);
            }
        }
    }

    /// <summary>
    /// Moves the clock to the earliest pending timer (never back) and fires every timer due by then; false when none is pending.
    /// </summary>
    public bool AdvanceToNextTimer()
    {
        List<VirtualTimer> due;
        lock (_gate)
        {
            if (_timers.Count == 0)
            {
                return false;
            }

            var next = _timers.Min(t => t.Due);
            if (next > _now)
            {
                _now = next;
            }

            due = [.. _timers.Where(t => t.Due <= _now)];
            foreach (var timer in due)
            {
                _timers.Remove(timer);
                timer.Rearm(_now);
            }
        }

        foreach (var timer in due)
        {
            timer.Fire();
        }

        return true;
    }

    internal void Schedule(VirtualTimer timer, TimeSpan dueTime)
    {
        lock (_gate)
        {
            _timers.Remove(timer);
            if (dueTime != Timeout.InfiniteTimeSpan)
            {
                timer.Due = _now + dueTime;
                _timers.Add(timer);
            }
        }
    }

    /// <summary>Puts a periodic timer back after it fired (called under the clock's lock).</summary>
    internal void Requeue(VirtualTimer timer) => _timers.Add(timer);
}
