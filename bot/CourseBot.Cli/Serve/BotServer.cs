using CourseBot.Core.Curriculum.Validation;
using CourseBot.Core.GitHub;
using CourseBot.Core.Journey;
using CourseBot.Core.LabGrading;
using CourseBot.Core.Oidc;
using CourseBot.Core.Storage;
using CourseBot.Core.Webhooks;
using Octokit.Webhooks;

namespace CourseBot.Cli.Serve;

/// <summary>
/// Builds and runs the ASP.NET Core host. It refuses to start on an invalid curriculum: a course
/// that does not validate would give learners broken issues.
/// </summary>
internal static class BotServer
{
    /// <summary>Where the embedded store (and, in setup mode, the App's secrets) live: beside the working folder, never in the repository.</summary>
    public const string DefaultDataDirectory = ".coursebot";

    public static async Task<int> RunAsync(string curriculum, string urls, TextWriter error, CancellationToken cancel)
    {
        var report = CurriculumValidator.ValidateFolder(curriculum);
        if (!report.IsValid || report.Course is not { } course)
        {
            await error.WriteLineAsync($"coursebot serve: the curriculum in '{curriculum}' is not valid:").ConfigureAwait(false);
            foreach (var diagnostic in report.Diagnostics)
            {
                await error.WriteLineAsync("  " + diagnostic).ConfigureAwait(false);
            }

            return 1;
        }

        var app = Build(course, urls);
        await app.RunAsync(cancel).ConfigureAwait(false);
        return 0;
    }

    /// <param name="course">The validated course.</param>
    /// <param name="urls">Where to listen.</param>
    /// <param name="settings">Settings that override appsettings and environment (tests use them).</param>
    /// <param name="services">Last word on the services (tests replace a handler or a client here).</param>
    public static WebApplication Build(Core.Curriculum.Model.Course course, string urls, IReadOnlyDictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls(urls);
        // The App's credentials from setup mode (outside the repository); settings given here still win.
        var dataDirectory = settings?.GetValueOrDefault("CourseBot:DataDirectory") ?? builder.Configuration["CourseBot:DataDirectory"] ?? DefaultDataDirectory;
        var secretsFile = Path.GetFullPath(Path.Combine(dataDirectory, AppSetup.SecretsFileName));
        builder.Configuration.AddJsonFile(secretsFile, optional: true, reloadOnChange: false);
        builder.Configuration.AddEnvironmentVariables();
        if (settings is not null)
        {
            builder.Configuration.AddInMemoryCollection(settings);
        }

        builder.Services.AddSingleton(course);
        builder.Services.AddSingleton(TimeProvider.System);
        var oidc = new OidcOptions();
        builder.Configuration.GetSection(OidcOptions.Section).Bind(oidc);
        var grading = new GradingOptions();
        builder.Configuration.GetSection(GradingOptions.Section).Bind(grading);
        builder.Services.AddCourseBotGrading(oidc, grading, course.RootDirectory);

        var webhooks = new WebhookOptions();
        builder.Configuration.GetSection(WebhookOptions.Section).Bind(webhooks);
        var queue = new QueueOptions();
        builder.Configuration.GetSection(QueueOptions.Section).Bind(queue);
        builder.Services.AddSingleton(webhooks);
        builder.Services.AddSingleton(queue);
        var database = Path.Combine(dataDirectory, "coursebot.db");
        builder.Services.AddSingleton<IDeliveryInbox>(provider => new SqliteDeliveryInbox(database, provider.GetRequiredService<TimeProvider>()));
        builder.Services.AddSingleton<ILearnerEvents>(provider => new SqliteLearnerEvents(database, provider.GetRequiredService<TimeProvider>()));
        builder.Services.AddSingleton<IReplayGuard>(provider =>
            new SqliteReplayGuard(database, provider.GetRequiredService<TimeProvider>()));
        builder.Services.AddSingleton<WebhookIngress>();
        builder.Services.AddSingleton<WebhookEventProcessor, CourseBotWebhookProcessor>();
        builder.Services.AddSingleton<IWebhookDispatcher, OctokitWebhookDispatcher>();
        builder.Services.AddSingleton<DeliveryWorker>();
        if (builder.Configuration.GetValue("CourseBot:Queue:Worker", true))
        {
            builder.Services.AddHostedService<DeliveryWorkerService>();
        }

        // Bodies up to GitHub's 25 MB reach the ingress, which answers 413 above its own limit.
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = webhooks.MaxBodyBytes + 1);

        var github = new GitHubAppOptions();
        builder.Configuration.GetSection(GitHubAppOptions.Section).Bind(github);
        var journey = new JourneyOptions();
        builder.Configuration.GetSection(JourneyOptions.Section).Bind(journey);
        var resilience = new GitHubResilienceOptions();
        builder.Configuration.GetSection(GitHubResilienceOptions.Section).Bind(resilience);
        builder.Services.AddCourseBotJourney(journey, github, resilience);
        builder.Services.AddSingleton(provider => new AppSetup(github, secretsFile, provider.GetRequiredService<TimeProvider>()));
        var setupMode = !github.IsConfigured || string.IsNullOrEmpty(webhooks.Secret);
        // Setup runs only for a bot with no App at all: App settings or a secrets file (even half-filled) close it for good.
        var setupOpen = !github.IsConfigured && github.AppId == 0 && !File.Exists(secretsFile);
        builder.Services.AddSingleton(provider => new SetupAccess(provider.GetRequiredService<TimeProvider>()));
        if (!setupMode && journey.IsConfigured)
        {
            builder.Services.AddHostedService<JourneyReconcilerService>();
        }

        services?.Invoke(builder.Services);

        var app = builder.Build();
        app.MapCatalog(setupMode);
        app.MapGrading();
        app.MapWebhooks();
        if (setupOpen)
        {
            var publicUrl = builder.Configuration["CourseBot:PublicUrl"];
            app.MapSetup(publicUrl);
            app.Lifetime.ApplicationStarted.Register(() => AppSetup.Announce(
                app.Services.GetRequiredService<ILoggerFactory>().CreateLogger<AppSetup>(),
                new Uri(new Uri(publicUrl is { Length: > 0 } ? publicUrl : app.Urls.First()), "/setup"),
                app.Services.GetRequiredService<SetupAccess>().Code));
        }

        return app;
    }
}
