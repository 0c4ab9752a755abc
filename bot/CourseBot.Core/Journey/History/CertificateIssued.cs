using System.Text.Json.Serialization;

namespace CourseBot.Core.Journey.History;

/// <summary>A certificate earned: a fact of the learner's record, kept even if the course changes later.</summary>
public sealed record CertificateIssued(string? Title, DateTimeOffset? Earned) : LearnerEventData
{
    [JsonIgnore]
    public override string Kind => LearnerEventKinds.CertificateIssued;
}
