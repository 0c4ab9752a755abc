namespace CourseBot.Tests.Telemetry;

/// <summary>
/// OpenTelemetry's listeners hear every <c>CourseBot</c> meter and source in the process, not only their own host's:
/// tests that count measurements run alone, after the parallel ones, so no other test's bot adds to their counts.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TelemetryGroup
{
    public const string Name = "Telemetry";
}
