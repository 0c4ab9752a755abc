namespace CourseBot.Core.Doctor;

/// <summary>
/// What <c>coursebot doctor</c> checks an installation against: the organisation, the bot's public URL (the App's webhook
/// must point at it), the repositories and team <c>course publish</c> makes, the files it publishes into each, and the manifest.
/// </summary>
public sealed record DoctorSettings(string Organisation, AppManifest Manifest)
{
    /// <summary>The bot's public URL; null when the settings do not say it (the webhook URL is then not checked).</summary>
    public Uri? BotUrl { get; init; }

    public string CourseRepository { get; init; } = "celery-course";

    public string TemplateRepository { get; init; } = "celery-learner-template";

    public string ActionRepository { get; init; } = "coursebot-grader";

    public string InstructorsTeam { get; init; } = "instructors";

    /// <summary>Paths publish writes into the course repository.</summary>
    public IReadOnlyList<string> CourseFiles { get; init; } = [];

    /// <summary>Paths publish writes into the learner template.</summary>
    public IReadOnlyList<string> TemplateFiles { get; init; } = [];

    /// <summary>How many of the newest webhook deliveries must have succeeded.</summary>
    public int RecentDeliveries { get; init; } = 20;

    /// <summary>Where the bot's ASP.NET Core host and Functions host take webhooks.</summary>
    public const string WebhookPath = "/api/github/webhooks";

    public string? ExpectedWebhookUrl => BotUrl is null ? null : BotUrl.ToString().TrimEnd('/') + WebhookPath;
}
