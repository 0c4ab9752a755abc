using System.ComponentModel.DataAnnotations;

namespace CourseBot.Core.Webhooks;

/// <summary>
/// Webhook ingress settings (<c>CourseBot:Webhooks</c>). Without a secret the service does not accept webhooks (fail closed).
/// </summary>
public sealed class WebhookOptions
{
    public const string Section = "CourseBot:Webhooks";

    /// <summary>GitHub's documented maximum payload: 25 MB.</summary>
    public const long GitHubMaxPayloadBytes = 25L * 1024 * 1024;

    /// <summary>
    /// The App's webhook secret. Default: empty, which accepts no webhook (<c>coursebot serve</c> then runs in setup mode).
    /// </summary>
    public string Secret { get; set; } = "";

    /// <summary>Larger bodies are refused with 413. Default: 25 MB, GitHub's own limit.</summary>
    [Range(1, GitHubMaxPayloadBytes, ErrorMessage = Section + ":MaxBodyBytes must be from {1} to {2}")]
    public long MaxBodyBytes { get; set; } = GitHubMaxPayloadBytes;
}
