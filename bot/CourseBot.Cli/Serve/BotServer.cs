using CourseBot.Core;
using CourseBot.Core.Curriculum.Validation;
using CourseBot.Core.GitHub;
using CourseBot.Core.Journey;
using CourseBot.Core.Storage;
using CourseBot.Core.Telemetry;
using CourseBot.Core.Webhooks;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Options;

namespace CourseBot.Cli.Serve;

/// <summary>
/// Builds and runs the ASP.NET Core host. It refuses to start on an invalid curriculum: a course
/// that does not validate would give learners broken issues.
/// </summary>
internal static class BotServer
{
    /// <summary>Where the embedded store (and, in setup mode, the App's secrets) live: beside the working folder, never in the
    /// repository.</summary>
    public const string DefaultDataDirectory = ".coursebot";

    /// <summary>The <c>service.name</c> of this host's traces and metrics.</summary>
    public const string ServiceName = "coursebot-serve";

    /// <summary>Runs the bot until <paramref name="cancel"/>; 1 when the course or a setting is not valid, one problem a line.</summary>
    public static async Task<int> RunAsync(
        string curriculum, string urls, TextWriter error, CancellationToken cancel, IReadOnlyDictionary<string, string?>? settings = null)
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

        try
        {
            await using var app = Build(course, urls, settings);
            await app.RunAsync(cancel).ConfigureAwait(false);
            return 0;
        }
        catch (Exception ex) when (SettingProblems(ex) is { Count: > 0 } problems)
        {
            await error.WriteLineAsync("coursebot serve: settings are not valid:").ConfigureAwait(false);
            foreach (var problem in problems)
            {
                await error.WriteLineAsync("  " + problem).ConfigureAwait(false);
            }

            return 1;
        }
    }

    /// <summary>The validation failures in what the start threw (one setting, or several at once); empty for anything else.</summary>
    private static List<string> SettingProblems(Exception error) => error switch
    {
        OptionsValidationException one => [.. one.Failures],
        AggregateException all when all.InnerExceptions.All(e => e is OptionsValidationException) =>
            [.. all.InnerExceptions.Cast<OptionsValidationException>().SelectMany(e => e.Failures)],
        _ => [],
    };

    /// <param name="course">The validated course.</param>
    /// <param name="urls">Where to listen.</param>
    /// <param name="settings">Settings that override appsettings and environment (tests use them).</param>
    /// <param name="services">Last word on the services (tests replace a handler or a client here).</param>
    public static WebApplication Build(
        Core.Curriculum.Model.Course course,
        string urls,
        IReadOnlyDictionary<string, string?>? settings = null,
        Action<IServiceCollection>? services = null
    )
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls(urls);
        // The App's credentials from setup mode (outside the repository); settings given here still win.
        var dataDirectory = settings?.GetValueOrDefault("CourseBot:DataDirectory")
            ?? builder.Configuration["CourseBot:DataDirectory"]
            ?? DefaultDataDirectory;
        var secretsFile = Path.GetFullPath(Path.Combine(dataDirectory, AppSetup.SecretsFileName));
        builder.Configuration.AddJsonFile(secretsFile, optional: true, reloadOnChange: false);
        builder.Configuration.AddEnvironmentVariables();
        if (settings is not null)
        {
            builder.Configuration.AddInMemoryCollection(settings);
        }

        // Credentials on, with a key of the bot's own in the data folder when none is configured (only missing values are added).
        builder.Configuration.AddInMemoryCollection(ServeCredentials.Defaults(builder.Configuration, dataDirectory, urls));

        builder.Services.AddSingleton(course);
        builder.Services.AddCourseBot(builder.Configuration);
        // The delivery journal in front of the SQLite inbox unless CourseBot:Queue:Journal is false (QueueOptions.Journal).
        var journal = builder.Configuration.GetValue("CourseBot:Queue:Journal", true) ? Path.Combine(dataDirectory, "journal") : null;
        builder.Services.AddSqliteStores(Path.Combine(dataDirectory, "coursebot.db"), journal);
        builder.Services.AddCourseBotTelemetry(builder.Configuration, ServiceName);
        if (builder.Configuration.GetValue("CourseBot:Queue:Worker", true))
        {
            builder.Services.AddHostedService<DeliveryWorkerService>();
        }

        // Bodies up to GitHub's 25 MB reach the ingress, which answers 413 above its own limit.
        builder.Services.AddOptions<KestrelServerOptions>().Configure<WebhookOptions>(
            (kestrel, webhooks) => kestrel.Limits.MaxRequestBodySize = webhooks.MaxBodyBytes + 1);
        builder.Services.AddSingleton(provider => ServeMode.Of(
            provider.GetRequiredService<GitHubAppOptions>(),
            provider.GetRequiredService<WebhookOptions>(),
            provider.GetRequiredService<JourneyOptions>(),
            secretsFile));
        builder.Services.AddSingleton(provider =>
            new AppSetup(provider.GetRequiredService<GitHubAppOptions>(), secretsFile, provider.GetRequiredService<TimeProvider>()));
        builder.Services.AddSingleton(provider => new SetupAccess(provider.GetRequiredService<TimeProvider>()));
        builder.Services.AddHostedService<JourneyReconcilerService>();
        // The dashboard's cookies open after a restart: the key ring lives beside the store (never in the repository).
        builder.Services.AddDataProtection().PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(dataDirectory, "keys")));

        services?.Invoke(builder.Services);

        var app = builder.Build();
        // Which endpoints exist follows from the settings, so every setting is validated here, before the endpoints are
        // chosen (and before a hosted service reads one): all the invalid ones are reported together.
        app.Services.GetRequiredService<IStartupValidator>().Validate();
        var mode = app.Services.GetRequiredService<ServeMode>();
        app.MapCatalog(mode.Setup);
        app.MapGrading();
        app.MapWebhooks();
        app.MapDashboard();
        app.MapReadiness();
        app.MapCredentials();
        if (mode.SetupOpen)
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
