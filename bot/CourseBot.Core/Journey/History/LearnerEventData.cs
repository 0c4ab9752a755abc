using System.Text.Json.Serialization;

namespace CourseBot.Core.Journey.History;

/// <summary>
/// The data of one history entry. <see cref="Version"/> is stamped when the entry is written: entries
/// written before the field existed read as version 0, in the same shape as version 1, so a later change
/// of shape can tell old entries from new ones instead of guessing.
/// </summary>
public abstract record LearnerEventData
{
    /// <summary>The version of the format new entries are written in.</summary>
    public const int CurrentVersion = 1;

    /// <summary>The kind this data is recorded under (one of <see cref="LearnerEventKinds"/>).</summary>
    [JsonIgnore]
    public abstract string Kind { get; }

    [JsonPropertyOrder(-1)]
    public int Version { get; init; }
}
