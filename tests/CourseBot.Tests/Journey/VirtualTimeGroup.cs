namespace CourseBot.Tests.Journey;

/// <summary>
/// Tests on a <see cref="GitHubEmulator.VirtualClock"/> driven by <see cref="GitHubEmulator.VirtualTimeDriver"/>, which jumps
/// the clock when the whole process is nearly idle on the CPU: they run alone, after the parallel ones, since another test's
/// work in the same process would hold the clock (a slow run) or, between its bursts, look like this test's quiet.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class VirtualTimeGroup
{
    public const string Name = "VirtualTime";
}
