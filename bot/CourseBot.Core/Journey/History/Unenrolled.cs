using System.Text.Json.Serialization;

namespace CourseBot.Core.Journey.History;

/// <summary>
/// An instructor unenrolled the learner: the repository is archived (kept, read-only, never deleted) and the bot writes
/// to it no more. <see cref="Archived"/> is false until GitHub confirmed the archiving.
/// </summary>
public sealed record Unenrolled(string? By, long? Comment, bool Archived) : LearnerEventData
{
    [JsonIgnore]
    public override string Kind => LearnerEventKinds.Unenrolled;
}
