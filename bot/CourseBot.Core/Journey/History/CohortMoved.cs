using System.Text.Json.Serialization;

namespace CourseBot.Core.Journey.History;

/// <summary>An instructor moved the learner to <see cref="Cohort"/> (from <see cref="From"/>); subject: the new cohort.</summary>
public sealed record CohortMoved(string? Cohort, string? From, string? By, long? Comment) : LearnerEventData
{
    [JsonIgnore]
    public override string Kind => LearnerEventKinds.CohortMoved;
}
