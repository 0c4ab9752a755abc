namespace CourseBot.GitHubEmulator;

internal static partial class Shapes
{
    /// <summary>The events the App subscribes to (bot/app-manifest.json's <c>default_events</c>).</summary>
    public static IReadOnlyList<string> Events { get; } = ["issues", "issue_comment", "push", "pull_request", "pull_request_review"];

    /// <summary>GET /app: the App as registered ("integration").</summary>
    public static Dictionary<string, object?> App(AppState app, int installations, string baseUrl, DateTimeOffset at) => new()
    {
        ["id"] = 1,
        ["slug"] = AppState.Slug,
        ["node_id"] = "A_coursebot",
        ["client_id"] = "Iv1.coursebot",
        ["owner"] = User("coursebot-admin", baseUrl),
        ["name"] = "CourseBot",
        ["description"] = "Runs a programming course on GitHub.",
        ["external_url"] = "https://coursebot.example",
        ["html_url"] = $"https://github.com/apps/{AppState.Slug}",
        ["created_at"] = at,
        ["updated_at"] = at,
        ["permissions"] = new Dictionary<string, string>(app.Permissions, StringComparer.Ordinal),
        ["events"] = app.Events.ToList(),
        ["installations_count"] = installations,
    };

    /// <summary>GET /app/hook/config: GitHub never shows the secret, only that one is set.</summary>
    public static Dictionary<string, object?> HookConfig(AppState app) => new()
    {
        ["url"] = app.HookUrl,
        ["content_type"] = app.HookContentType,
        ["secret"] = "********",
        ["insecure_ssl"] = app.HookInsecureSsl,
    };

    public static Dictionary<string, object?> Delivery(HookDelivery delivery) => new()
    {
        ["id"] = delivery.Id,
        ["guid"] = delivery.DeliveryGuid,
        ["delivered_at"] = delivery.DeliveredAt,
        ["redelivery"] = delivery.Redelivery,
        ["duration"] = delivery.Duration,
        ["status"] = delivery.Status,
        ["status_code"] = delivery.StatusCode,
        ["event"] = delivery.Event,
        ["action"] = delivery.Action,
        ["installation_id"] = delivery.InstallationId,
        ["repository_id"] = delivery.RepositoryId,
    };

    /// <summary>What GitHub answers an installation token whose permissions do not cover the route.</summary>
    public static Dictionary<string, object?> NotAccessibleByIntegration(string documentation) => new()
    {
        ["message"] = "Resource not accessible by integration",
        ["documentation_url"] = documentation,
        ["status"] = "403",
    };
}
