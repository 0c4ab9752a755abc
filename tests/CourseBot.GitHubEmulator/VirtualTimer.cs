namespace CourseBot.GitHubEmulator;

/// <summary>A timer of a <see cref="VirtualClock"/>: due at a point of its time, fired when the clock is moved past it.</summary>
internal sealed class VirtualTimer(VirtualClock clock, TimerCallback callback, object? state) : ITimer
{
    private TimeSpan _period = Timeout.InfiniteTimeSpan;

    public DateTimeOffset Due { get; set; }

    public bool Change(TimeSpan dueTime, TimeSpan period)
    {
        _period = period;
        clock.Schedule(this, dueTime);
        return true;
    }

    public void Dispose() => clock.Schedule(this, Timeout.InfiniteTimeSpan);

    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }

    /// <summary>A periodic timer goes back in the clock's list for its next period (called under the clock's lock).</summary>
    internal void Rearm(DateTimeOffset now)
    {
        if (_period != Timeout.InfiniteTimeSpan && _period > TimeSpan.Zero)
        {
            Due = now + _period;
            clock.Requeue(this);
        }
    }

    internal void Fire() => callback(state);
}
