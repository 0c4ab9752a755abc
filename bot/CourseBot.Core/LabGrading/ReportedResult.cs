using System.Text.Json.Nodes;

namespace CourseBot.Core.LabGrading;

/// <summary>
/// A grade result as the run sent it, with its types checked. It is a claim: the score, maximum and
/// pass it carries are not used; <see cref="ResultScorer"/> recomputes them from the lab's checks.
/// </summary>
public sealed record ReportedResult(string Lab, string? Sha, IReadOnlyList<ReportedCheck> Tests, JsonObject Body);
