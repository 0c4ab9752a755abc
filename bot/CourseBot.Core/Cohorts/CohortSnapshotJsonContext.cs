using System.Text.Json.Serialization;

namespace CourseBot.Core.Cohorts;

/// <summary>
/// A cohort row as stored in a learner's snapshot. Fields are included for the schedule's (due on, modules) pairs; nulls are
/// left out (ten thousand rows are read for a view, and most scores have no quiz or no lab).
/// </summary>
[JsonSourceGenerationOptions(IncludeFields = true, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(CohortLearner))]
internal sealed partial class CohortSnapshotJsonContext : JsonSerializerContext;
