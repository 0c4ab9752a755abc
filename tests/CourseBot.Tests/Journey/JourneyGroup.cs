namespace CourseBot.Tests.Journey;

/// <summary>The test classes that run a whole bot with its emulator (heavy; one at a time).</summary>
[CollectionDefinition(Name)]
public sealed class JourneyGroup
{
    public const string Name = "Journey";
}
