using System.Text.Json.Serialization;

namespace CourseBot.Core.Telemetry;

/// <summary>Source-generated JSON for the readiness body (the slim ASP.NET Core host serializes nothing by reflection).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(ReadinessReport))]
public sealed partial class ReadinessJsonContext : JsonSerializerContext;
