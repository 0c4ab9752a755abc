using System.Text.Json.Serialization;

namespace CourseBot.Core.Journey.History;

/// <summary>A push to the default branch, from the webhook (or the template's first commit, with no <see cref="Before"/>).</summary>
public sealed record PushSeen(string? Before, string? After, string? Tree, bool ReadmeTouched, bool ByLearner) : LearnerEventData
{
    [JsonIgnore]
    public override string Kind => LearnerEventKinds.GitHubPush;
}
