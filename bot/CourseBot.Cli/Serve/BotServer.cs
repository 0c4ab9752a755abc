using CourseBot.Core.Curriculum.Validation;
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
    public static WebApplication Build(Core.Curriculum.Model.Course course, string urls, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls(urls);
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
        var dataDirectory = builder.Configuration["CourseBot:DataDirectory"] ?? DefaultDataDirectory;
        builder.Services.AddSingleton(webhooks);
        builder.Services.AddSingleton(queue);
        builder.Services.AddSingleton<IDeliveryInbox>(provider => new SqliteDeliveryInbox(Path.Combine(dataDirectory, "coursebot.db"), provider.GetRequiredService<TimeProvider>()));
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

        var app = builder.Build();
        app.MapCatalog();
        app.MapGrading();
        app.MapWebhooks();
        return app;
    }
}
