using System.Text.Json.Serialization;

namespace CourseBot.Cli.Serve;

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(ErrorBody))]
[JsonSerializable(typeof(StatusBody))]
internal sealed partial class ErrorJsonContext : JsonSerializerContext;
