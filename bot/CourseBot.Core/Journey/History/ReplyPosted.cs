using System.Text.Json.Serialization;

namespace CourseBot.Core.Journey.History;

/// <summary>
/// A reply the bot posted on <see cref="Issue"/> (or a regrade it asked for, <see cref="Sha"/>), so a redelivered
/// event does not post it twice.
/// </summary>
public sealed record ReplyPosted(int? Issue = null, string? Sha = null) : LearnerEventData
{
    [JsonIgnore]
    public override string Kind => LearnerEventKinds.GitHubReply;
}
