using System.Text.Json.Serialization;

namespace CourseBot.Core.Journey.History;

/// <summary>An instructor approved a review-graded assessment with <c>/approve</c> in <see cref="Comment"/>.</summary>
public sealed record ReviewApproved(string? By, long? Comment) : LearnerEventData
{
    [JsonIgnore]
    public override string Kind => LearnerEventKinds.ReviewApproved;
}
