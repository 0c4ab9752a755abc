namespace CourseBot.Tests.Journey;

/// <summary>The system clock moved by <see cref="Offset"/>: lets a test jump past a quiz's time limit without fake delays.</summary>
internal sealed class ShiftedTime : TimeProvider
{
    public TimeSpan Offset { get; set; }

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + Offset;
}
