namespace CourseBot.Core.GitHub;

[System.Text.Json.Serialization.JsonSourceGenerationOptions(
    PropertyNamingPolicy = System.Text.Json.Serialization.JsonKnownNamingPolicy.SnakeCaseLower
)]
[System.Text.Json.Serialization.JsonSerializable(typeof(InstallationTokenResponse))]
internal sealed partial class GitHubJsonContext : System.Text.Json.Serialization.JsonSerializerContext;
