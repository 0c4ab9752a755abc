using CourseBot.Cli.Serve;
using CourseBot.Core.GitHub;
using Microsoft.Extensions.Logging.Abstractions;
using Octokit;

namespace CourseBot.Cli.Commands;

/// <summary>
/// Who <c>course publish</c> acts as: an organisation admin's token (<c>--token</c> or
/// <c>GITHUB_TOKEN</c>), else the bot's own App (its secrets from setup mode or the environment)
/// through its installation on the organisation.
/// </summary>
internal static class PublishClients
{
    private static readonly ProductHeaderValue Product = new("coursebot-publish", "1.0");

    public static async Task<(IGitHubClient Client, IDisposable? Owner)> CreateAsync(PublishCredentials credentials, string org)
    {
        var (token, apiUrl, dataDirectory) = credentials;
        var secrets = Path.GetFullPath(Path.Combine(dataDirectory, AppSetup.SecretsFileName));
        var settings = new ConfigurationBuilder()
            .AddJsonFile(secrets, optional: true, reloadOnChange: false)
            .AddEnvironmentVariables()
            .Build();
        var app = new GitHubAppOptions();
        settings.GetSection(GitHubAppOptions.Section).Bind(app);
        if (apiUrl is not null)
        {
            app.ApiBaseUrl = apiUrl;
        }

        token ??= Environment.GetEnvironmentVariable("GITHUB_TOKEN");
        if (!string.IsNullOrEmpty(token))
        {
            return (new GitHubClient(Product, app.ApiBaseUrl) { Credentials = new Credentials(token, AuthenticationType.Bearer) }, null);
        }

        if (!app.IsConfigured)
        {
            throw new InvalidOperationException(
                "no credentials: give --token (or GITHUB_TOKEN) of an organisation owner, or configure the App (setup mode)");
        }

        var resilience = new GitHubResilienceOptions();
        settings.GetSection(GitHubResilienceOptions.Section).Bind(resilience);
        var factory = new GitHubClientFactory(app, resilience, TimeProvider.System, NullLoggerFactory.Instance);
        var installation = await factory.ForApp().GitHubApps.GetOrganizationInstallationForCurrent(org).ConfigureAwait(false);
        return (factory.ForInstallation(installation.Id), factory);
    }
}
