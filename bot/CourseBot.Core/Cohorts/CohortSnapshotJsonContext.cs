using System.Text.Json.Serialization;

namespace CourseBot.Core.Cohorts;

/// <summary>A cohort row as stored in a learner's snapshot. Fields are included for the schedule's (due on, modules) pairs.</summary>
[JsonSourceGenerationOptions(IncludeFields = true)]
[JsonSerializable(typeof(CohortLearner))]
internal sealed partial class CohortSnapshotJsonContext : JsonSerializerContext;
