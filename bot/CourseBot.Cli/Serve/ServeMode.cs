using CourseBot.Core.GitHub;
using CourseBot.Core.Journey;
using CourseBot.Core.Webhooks;

namespace CourseBot.Cli.Serve;

/// <summary>
/// What <c>coursebot serve</c> runs, decided from its bound settings: setup mode until an App and its webhook
/// secret are configured, the setup pages only for a bot with no App at all, the reconciler only for a journey.
/// </summary>
internal sealed record ServeMode(bool Setup, bool SetupOpen, bool Reconciles)
{
    public static ServeMode Of(GitHubAppOptions github, WebhookOptions webhooks, JourneyOptions journey, string secretsFile)
    {
        var setup = !github.IsConfigured || string.IsNullOrEmpty(webhooks.Secret);
        // App settings or a secrets file (even half-filled) close setup for good.
        var setupOpen = !github.IsConfigured && github.AppId == 0 && !File.Exists(secretsFile);
        return new ServeMode(setup, setupOpen, !setup && journey.IsConfigured);
    }
}
