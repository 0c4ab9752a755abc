using System.Text.Json.Serialization;
using CourseBot.Core.Curriculum;

namespace CourseBot.Cli.Serve;

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(CourseSummary))]
internal sealed partial class CatalogJsonContext : JsonSerializerContext;
