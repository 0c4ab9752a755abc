using System.Text.Json.Nodes;

namespace CourseBot.Core.Journey.History;

/// <summary>What a grading run claimed, kept for audit only (untyped: it is whatever the run sent).</summary>
public sealed record ClaimedScore(JsonNode? Score, JsonNode? MaxScore, JsonNode? Passed);
