using System.Text.Json.Serialization;

namespace CourseBot.Grading.Reporting;

[JsonSourceGenerationOptions(
    WriteIndented = true,
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull
)]
[JsonSerializable(typeof(GradeResult))]
public sealed partial class GradeResultJsonContext : JsonSerializerContext;
