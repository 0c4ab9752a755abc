using System.Text.Json.Serialization;

namespace CourseBot.Core.Journey.History;

/// <summary>The learner enrolled; <see cref="Origin"/> is the Enroll issue (<c>owner/repo#number</c>) to answer, if any.</summary>
public sealed record Enrolled(
    string? Login, string? Path, string? Pace, DateOnly? Start, string? Cohort, long? Installation, string? Origin) : LearnerEventData
{
    [JsonIgnore]
    public override string Kind => LearnerEventKinds.Enrolled;
}
