using System.Text.Json.Serialization;

namespace CourseBot.Core.LabGrading;

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(GradingBundle))]
public sealed partial class GradingBundleJsonContext : JsonSerializerContext;
