using System.ComponentModel.DataAnnotations;
using CourseBot.Core.Curriculum.Model;
using CourseBot.Core.Curriculum.Validation;
using CourseBot.Core.GitHub;
using CourseBot.Core.Journey;
using CourseBot.Core.LabGrading;
using CourseBot.Core.Oidc;
using CourseBot.Core.Storage;
using CourseBot.Core.Storage.Azure;
using CourseBot.Core.Webhooks;
using Octokit.Webhooks;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CourseBot.Functions;

/// <summary>Where the Functions host finds the course (an app setting <c>CourseBot__CurriculumPath</c>; by default the copy deployed beside the app).</summary>
public sealed class CourseBotFunctionsOptions
{
    public const string Section = "CourseBot";

    [Required]
    public string CurriculumPath { get; set; } = Path.Combine(AppContext.BaseDirectory, "curriculum");

    /// <summary>The storage account for deliveries, dead letters and the learner history (the Functions host's own by default).</summary>
    [Required]
    public string Storage { get; set; } = "";

    /// <summary>Prefix of the tables, queue and container, letters and digits only (the queue trigger's <c>CourseBotQueue</c> setting is this + "deliveries").</summary>
    public string Prefix { get; set; } = "coursebot";
}

public static class FunctionsServiceCollectionExtensions
{
    /// <summary>The one place the Functions host learns how to wire CourseBot.</summary>
    public static IServiceCollection AddCourseBotFunctions(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<CourseBotFunctionsOptions>()
            .Bind(configuration.GetSection(CourseBotFunctionsOptions.Section))
            // Without its own setting the store is the Functions host's storage account (as the services below assume).
            .PostConfigure(options => options.Storage = options.Storage is { Length: > 0 } ? options.Storage : configuration["AzureWebJobsStorage"] ?? "")
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(provider => LoadCourse(provider.GetRequiredService<IOptions<CourseBotFunctionsOptions>>().Value));
        var oidc = new OidcOptions();
        configuration.GetSection(OidcOptions.Section).Bind(oidc);
        var grading = new GradingOptions();
        configuration.GetSection(GradingOptions.Section).Bind(grading);
        var curriculum = configuration.GetSection(CourseBotFunctionsOptions.Section)[nameof(CourseBotFunctionsOptions.CurriculumPath)] ?? new CourseBotFunctionsOptions().CurriculumPath;
        services.AddCourseBotGrading(oidc, grading, curriculum);
        services.AddLogging();

        // Webhooks: fail closed. Without a secret the host does not start.
        var webhooks = new WebhookOptions();
        configuration.GetSection(WebhookOptions.Section).Bind(webhooks);
        if (string.IsNullOrEmpty(webhooks.Secret))
        {
            throw new InvalidOperationException("CourseBot:Webhooks:Secret is not set: the bot refuses to start without a webhook secret.");
        }

        var queue = new QueueOptions();
        configuration.GetSection(QueueOptions.Section).Bind(queue);
        var storage = configuration.GetSection(CourseBotFunctionsOptions.Section)[nameof(CourseBotFunctionsOptions.Storage)] ?? configuration["AzureWebJobsStorage"]
            ?? throw new InvalidOperationException("no storage account: set CourseBot:Storage or AzureWebJobsStorage");
        var prefix = configuration.GetSection(CourseBotFunctionsOptions.Section)[nameof(CourseBotFunctionsOptions.Prefix)] ?? new CourseBotFunctionsOptions().Prefix;
        services.AddSingleton(webhooks);
        services.AddSingleton(queue);
        services.AddSingleton(provider => new AzureDeliveryInbox(storage, prefix, provider.GetRequiredService<TimeProvider>()));
        services.AddSingleton<IDeliveryInbox>(provider => provider.GetRequiredService<AzureDeliveryInbox>());
        services.AddSingleton(provider => new AzureLearnerEvents(storage, prefix, provider.GetRequiredService<TimeProvider>()));
        services.AddSingleton<ILearnerEvents>(provider => provider.GetRequiredService<AzureLearnerEvents>());
        // Used token ids in the table every instance shares: a replay to another instance is refused too.
        services.AddSingleton(provider => new AzureReplayGuard(storage, prefix, provider.GetRequiredService<TimeProvider>()));
        services.AddSingleton<IReplayGuard>(provider => provider.GetRequiredService<AzureReplayGuard>());
        services.AddSingleton<WebhookIngress>();
        services.AddSingleton<WebhookEventProcessor, CourseBotWebhookProcessor>();
        services.AddSingleton<IWebhookDispatcher, OctokitWebhookDispatcher>();
        var journey = new JourneyOptions();
        configuration.GetSection(JourneyOptions.Section).Bind(journey);
        var app = new GitHubAppOptions();
        configuration.GetSection(GitHubAppOptions.Section).Bind(app);
        var resilience = new GitHubResilienceOptions();
        configuration.GetSection(GitHubResilienceOptions.Section).Bind(resilience);
        services.AddSingleton(provider => new BlobLeaseLearnerLocks(storage, prefix, provider.GetRequiredService<TimeProvider>()));
        services.AddSingleton<ILearnerLocks>(provider => provider.GetRequiredService<BlobLeaseLearnerLocks>());
        services.AddCourseBotJourney(journey, app, resilience);
        return services;
    }

    /// <summary>Fails the host's start on an invalid course, with every problem in the message.</summary>
    internal static Course LoadCourse(CourseBotFunctionsOptions options)
    {
        var report = CurriculumValidator.ValidateFolder(options.CurriculumPath);
        return report.IsValid && report.Course is { } course
            ? course
            : throw new InvalidOperationException($"The curriculum in '{options.CurriculumPath}' is not valid:{Environment.NewLine}{string.Join(Environment.NewLine, report.Diagnostics)}");
    }
}
