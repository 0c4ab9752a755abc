namespace CourseBot.Tests.Journey;

/// <summary>
/// The system clock moved by <see cref="Offset"/>: lets a test jump past a quiz's time limit without fake delays. With
/// <see cref="Start"/> set, the clock stands at that instant (plus <see cref="Offset"/>) instead, so texts that name the time
/// (a quiz's deadline, the end of a cooldown) are the same on every run and can be compared with a golden file.
/// </summary>
internal sealed class ShiftedTime : TimeProvider
{
    public TimeSpan Offset { get; set; }

    public DateTimeOffset? Start { get; set; }

    public override DateTimeOffset GetUtcNow() => (Start ?? System.GetUtcNow()) + Offset;
}
