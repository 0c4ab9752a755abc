using System.Collections.Concurrent;

namespace CourseBot.GitHubEmulator;

/// <summary>
/// The App's own registration as GitHub holds it (what <c>GET /app</c> and <c>/app/hook/*</c> answer): the permissions and
/// events it asks for, its webhook and the deliveries GitHub made to it. Defaults are those of bot/app-manifest.json, with no
/// webhook URL until a test sets one.
/// </summary>
public sealed class AppState
{
    public const string Slug = "coursebot";

    public Dictionary<string, string> Permissions { get; } = Shapes.Permissions;

    public List<string> Events { get; } = [.. Shapes.Events];

    /// <summary>Where GitHub sends webhooks; empty when the App has none (a manifest without <c>hook_attributes</c>).</summary>
    public string HookUrl { get; set; } = "";

    public string HookContentType { get; set; } = "json";

    public string HookInsecureSsl { get; set; } = "0";

    /// <summary>Deliveries, oldest first: every webhook the emulator sent, and any a test adds.</summary>
    public ConcurrentQueue<HookDelivery> Deliveries { get; } = new();
}
