using System.Diagnostics;

namespace CourseBot.Core.Webhooks;

/// <summary>
/// How busy the webhook intake is right now: requests being acknowledged and the recent acknowledgement rate. The delivery
/// worker and the journal pump read it to step aside while GitHub is waiting for answers, so that a processing backlog never
/// slows acknowledging down (the backlog drains once the burst is over).
/// </summary>
public sealed class IntakeActivity
{
    private static readonly long Window = Stopwatch.Frequency / 10;
    private readonly Lock _lock = new();
    private int _inFlight;
    private long _acknowledged;
    private long _sampledAt = Stopwatch.GetTimestamp();
    private long _sampledCount;
    private double _rate;

    /// <summary>Requests inside the ingress at this moment.</summary>
    public int InFlight => Volatile.Read(ref _inFlight);

    public void Started() => Interlocked.Increment(ref _inFlight);

    public void Finished()
    {
        Interlocked.Decrement(ref _inFlight);
        Interlocked.Increment(ref _acknowledged);
    }

    /// <summary>Requests answered per second, measured over the last 100 ms or more (since the previous reading).</summary>
    public double Rate()
    {
        lock (_lock)
        {
            var now = Stopwatch.GetTimestamp();
            if (now - _sampledAt >= Window)
            {
                var count = Interlocked.Read(ref _acknowledged);
                _rate = (count - _sampledCount) * (double)Stopwatch.Frequency / (now - _sampledAt);
                (_sampledAt, _sampledCount) = (now, count);
            }

            return _rate;
        }
    }

    /// <summary>Whether background work should wait: many requests in flight, or a rate above what it may compete with.</summary>
    public bool IsBusy(QueueOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return InFlight >= options.IntakeBusyInFlight || Rate() >= options.IntakeBusyRate;
    }
}
