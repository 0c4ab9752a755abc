using CourseBot.Core.Cohorts.Page;
using CourseBot.Core.Curriculum.Validation;
using CourseBot.Core.GitHub;
using CourseBot.Core.Journey;
using CourseBot.Core.LabGrading;
using CourseBot.Core.Oidc;
using CourseBot.Core.OpenBadges;
using CourseBot.Core.Telemetry;
using CourseBot.Core.Webhooks;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Octokit.Webhooks;

namespace CourseBot.Core;

/// <summary>
/// The one wiring of the bot that both hosts share: settings, webhooks, grading and the learner journey.
/// A host adds its store (<c>AddSqliteStores</c>, <c>AddAzureStores</c>) and its endpoints, nothing else.
/// </summary>
public static class CourseBotServiceCollectionExtensions
{
    /// <summary>
    /// Binds every settings section once, validates it by its data annotations when the host starts (an invalid
    /// setting stops the start with a message that names it), and registers the core's services.
    /// </summary>
    /// <param name="services">The host's services.</param>
    /// <param name="configuration">The host's configuration; registered when the container has none yet.</param>
    public static IServiceCollection AddCourseBot(this IServiceCollection services, IConfiguration configuration)
    {
        // BindConfiguration reads IConfiguration from the container: hosts have registered theirs, a bare
        // service collection (tests, tools) gets the one given here.
        services.TryAddSingleton(configuration);
        services.AddSettings<CourseBotOptions>(CourseBotOptions.Section);
        services.AddSettings<WebhookOptions>(WebhookOptions.Section);
        services.AddSettings<QueueOptions>(QueueOptions.Section);
        services.AddSettings<OidcOptions>(OidcOptions.Section);
        services.AddSettings<GradingOptions>(GradingOptions.Section);
        services.AddSettings<GitHubAppOptions>(GitHubAppOptions.Section);
        services.AddSettings<GitHubResilienceOptions>(GitHubResilienceOptions.Section);
        services.AddSettings<JourneyOptions>(JourneyOptions.Section);
        services.AddSettings<Cohorts.Dashboard.DashboardOptions>(Cohorts.Dashboard.DashboardOptions.Section);
        services.AddSettings<CredentialKeyOptions>(CredentialKeyOptions.Section);
        services.AddSettings<Cohorts.Page.DashboardPageOptions>(Cohorts.Page.DashboardPageOptions.Section);
        services.AddSettings<TelemetryOptions>(TelemetryOptions.Section);
        services.AddSettings<ReadinessOptions>(ReadinessOptions.Section);

        services.TryAddSingleton(TimeProvider.System);
        // A host that validated the course before building (coursebot serve) has registered it; otherwise it is
        // read from CourseBot:CurriculumPath on first use, and a course that does not validate fails the start.
        services.TryAddSingleton(provider => ValidCourse.Load(provider.GetRequiredService<CourseBotOptions>().CurriculumPath));

        // Created on first use: a host without a credential key starts and grades, and fails closed only when it would sign.
        services.TryAddSingleton(provider => CredentialSignerFactory.Create(provider.GetRequiredService<CredentialKeyOptions>()));
        // The instruments exist in every host; whether anything listens is the host's AddCourseBotTelemetry.
        services.AddMetrics();
        services.TryAddSingleton<CourseBotTelemetry>();
        services.TryAddSingleton<GitHubReachability>();
        services.TryAddSingleton<ReadinessProbe>();
        services.TryAddSingleton(provider => new CredentialRegister(provider.GetRequiredService<Storage.ILearnerEvents>()));
        // The issuer and signer are made only when a credential is issued or served: a host with credentials off needs neither.
        services.TryAddSingleton(provider => new CredentialIssuance(provider.GetRequiredService<Curriculum.Model.Course>(),
            provider.GetRequiredService<CredentialKeyOptions>(), () => Issuer(provider), provider.GetRequiredService<CredentialSigner>,
            provider.GetRequiredService<CredentialRegister>(),
            provider.GetRequiredService<Microsoft.Extensions.Logging.ILogger<CredentialIssuance>>()));
        services.TryAddSingleton(provider => new CredentialPages(provider.GetRequiredService<CredentialKeyOptions>(),
            provider.GetRequiredService<CredentialSigner>, () => Issuer(provider), provider.GetRequiredService<CredentialRegister>()));
        services.TryAddSingleton<IntakeActivity>();
        // Straight into the host's inbox; serve's journal replaces it (AddSqliteStores with a journal folder).
        services.TryAddSingleton<IDeliveryIntake, InboxDeliveryIntake>();
        services.AddSingleton<WebhookIngress>();
        services.AddSingleton<WebhookEventProcessor, CourseBotWebhookProcessor>();
        services.AddSingleton<IWebhookDispatcher, OctokitWebhookDispatcher>();
        services.AddSingleton<DeliveryWorker>();
        services.AddCourseBotGrading();
        services.AddCourseBotJourney();
        services.AddDashboardPage();
        return services;
    }

    private static CredentialIssuer Issuer(IServiceProvider provider) => CredentialIssuer.From(
        provider.GetRequiredService<CredentialKeyOptions>(), provider.GetRequiredService<JourneyOptions>(),
        provider.GetRequiredService<GitHubAppOptions>());

    private static void AddSettings<TOptions>(this IServiceCollection services, string section)
        where TOptions : class
    {
        services.AddOptions<TOptions>().BindConfiguration(section).ValidateDataAnnotations().ValidateOnStart();
        // The core's classes take their options as such: bound and validated once, on first use.
        services.TryAddSingleton(provider => provider.GetRequiredService<IOptions<TOptions>>().Value);
    }
}
