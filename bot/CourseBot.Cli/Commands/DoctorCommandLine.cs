using System.CommandLine;
using CourseBot.Cli.Serve;
using CourseBot.Core.Doctor;
using CourseBot.Core.GitHub;
using CourseBot.Core.Journey;
using CourseBot.Core.Oidc;
using CourseBot.Core.Publishing;
using Microsoft.Extensions.Logging.Abstractions;

namespace CourseBot.Cli.Commands;

/// <summary>
/// <c>coursebot doctor --org ORG</c>: checks a live installation with the App's credentials (the settings <c>serve</c> reads:
/// appsettings.json, the data folder's secrets, the environment) and prints OK or what to fix per check; exit 1 if any failed.
/// Repository names, the team and the bot's URL come from the options, else the bot's settings, else publish's defaults.
/// </summary>
internal static class DoctorCommandLine
{
    public static Command Build()
    {
        var org = new Option<string>("--org") { Description = "The organisation the course runs in.", Required = true };
        var botUrl = new Option<string?>("--bot-url") { Description = "The bot's public URL (default CourseBot:Oidc:Audience)." };
        var course = new Option<string?>("--course-repo") { Description = "The course repository (default: the bot's settings)." };
        var template = new Option<string?>("--template-repo") { Description = "The learner template (default: the bot's settings)." };
        var action = new Option<string?>("--action-repo")
        {
            Description = "The grading Action's repository (default coursebot-grader).",
        };
        var team = new Option<string?>("--instructors-team") { Description = "The instructors team (default: the bot's settings)." };
        var api = new Option<string?>("--api-url") { Description = "GitHub's REST base URL (default CourseBot:GitHub:ApiBaseUrl)." };
        var source = new Option<string?>("--source")
        {
            Description = "The checkout publish ran from (default: the one with ./curriculum).",
        };
        var data = new Option<string>("--data")
        {
            Description = $"The bot's data folder, for the App's secrets (default {BotServer.DefaultDataDirectory}).",
            DefaultValueFactory = _ => BotServer.DefaultDataDirectory,
        };
        var doctor = new Command("doctor", "Check the App and its installation on an organisation; say what to fix.")
        {
            org, botUrl, course, template, action, team, api, source, data,
        };
        doctor.SetAction(async (parsed, cancel) =>
        {
            var configuration = new ConfigurationBuilder()
                .AddJsonFile(Path.GetFullPath("appsettings.json"), optional: true, reloadOnChange: false)
                .AddJsonFile(Path.GetFullPath(Path.Combine(parsed.GetValue(data)!, AppSetup.SecretsFileName)), optional: true)
                .AddEnvironmentVariables()
                .Build();
            var journey = new JourneyOptions();
            configuration.GetSection(JourneyOptions.Section).Bind(journey);
            var oidc = new OidcOptions();
            configuration.GetSection(OidcOptions.Section).Bind(oidc);
            var app = new GitHubAppOptions();
            configuration.GetSection(GitHubAppOptions.Section).Bind(app);
            if (parsed.GetValue(api) is { } apiUrl)
            {
                app.ApiBaseUrl = new Uri(apiUrl);
            }

            var root = parsed.GetValue(source) ?? Path.GetDirectoryName(Path.GetFullPath(CurriculumLocator.Resolve(null)))!;
            var bot = parsed.GetValue(botUrl) ?? (oidc.Audience.Length > 0 ? oidc.Audience : null);
            var settings = new DoctorSettings(parsed.GetValue(org)!, EmbeddedManifest())
            {
                BotUrl = bot is null ? null : new Uri(bot),
                CourseRepository = parsed.GetValue(course) ?? NameOf(journey.CourseRepository) ?? "celery-course",
                TemplateRepository = parsed.GetValue(template) ?? NameOf(journey.TemplateRepository) ?? "celery-learner-template",
                ActionRepository = parsed.GetValue(action) ?? "coursebot-grader",
                InstructorsTeam = parsed.GetValue(team) ?? journey.InstructorsTeam,
            };
            return await RunAsync(settings, app, root, Console.Out, Console.Error).ConfigureAwait(false);
        });
        return doctor;
    }

    public static async Task<int> RunAsync(
        DoctorSettings settings, GitHubAppOptions app, string sourceRoot, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(app);
        if (!app.IsConfigured)
        {
            await error.WriteLineAsync("coursebot doctor: the App is not configured: run coursebot serve and open /setup, "
                + "or set CourseBot__GitHub__AppId and CourseBot__GitHub__PrivateKey as for serve").ConfigureAwait(false);
            return 1;
        }

        try
        {
            var sources = new PublishSources(sourceRoot);
            settings = settings with
            {
                CourseFiles = [.. sources.Course().Select(f => f.Path)],
                TemplateFiles = [.. sources.LearnerTemplate().Select(f => f.Path)],
            };
        }
        catch (Exception ex) when (ex is IOException or InvalidOperationException)
        {
            await error.WriteLineAsync($"coursebot doctor: {ex.Message}").ConfigureAwait(false);
            return 2;
        }

        using var factory = new GitHubClientFactory(app, new GitHubResilienceOptions(), TimeProvider.System, NullLoggerFactory.Instance);
        var report = await new InstallationDoctor(factory.ForApp(), factory.ForInstallation).CheckAsync(settings).ConfigureAwait(false);
        await output.WriteAsync(report.ToText()).ConfigureAwait(false);
        return report.Failed ? 1 : 0;
    }

    /// <summary>The repository's name from the bot's <c>ORG/NAME</c> setting.</summary>
    private static string? NameOf(string fullName) =>
        fullName.Contains('/', StringComparison.Ordinal) ? fullName[(fullName.IndexOf('/', StringComparison.Ordinal) + 1)..] : null;

    private static AppManifest EmbeddedManifest()
    {
        using var stream = typeof(AppSetup).Assembly.GetManifestResourceStream("app-manifest.json")
            ?? throw new InvalidOperationException("app-manifest.json is not embedded");
        using var reader = new StreamReader(stream);
        return AppManifest.Parse(reader.ReadToEnd());
    }
}
