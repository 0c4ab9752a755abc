using CourseBot.Core.Curriculum.Model;
using CourseBot.Core.GitHub;
using CourseBot.Core.LabGrading;
using CourseBot.Core.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Octokit;

namespace CourseBot.Core.Journey;

/// <summary>The learner journey's part of <c>AddCourseBot</c> (after grading's: its open labs replace the configured ones).</summary>
internal static class JourneyServiceCollectionExtensions
{
    /// <summary>Needs the options <c>AddCourseBot</c> binds and the learner locks the host's store registers.</summary>
    public static IServiceCollection AddCourseBotJourney(this IServiceCollection services)
    {
        // The factory needs the App's key, which setup mode does not have yet: made on first use.
        services.AddSingleton(provider => new GitHubClientFactory(
            provider.GetRequiredService<GitHubAppOptions>(),
            provider.GetRequiredService<GitHubResilienceOptions>(),
            provider.GetRequiredService<TimeProvider>(),
            provider.GetRequiredService<ILoggerFactory>(),
            provider.GetRequiredService<Telemetry.CourseBotTelemetry>()
        ));
        services.AddSingleton<Func<long, IGitHubClient>>(provider =>
            installation => provider.GetRequiredService<GitHubClientFactory>().ForInstallation(installation)
        );
        services.AddSingleton<Func<string, Task<long>>>(provider =>
            async account =>
            {
                // The App's installations, as the App itself (its JWT): the one on the course organisation.
                var installations = await provider
                    .GetRequiredService<GitHubClientFactory>()
                    .ForApp()
                    .GitHubApps.GetAllInstallationsForCurrent()
                    .ConfigureAwait(false);
                return installations.FirstOrDefault(i => string.Equals(i.Account?.Login, account, StringComparison.OrdinalIgnoreCase))?.Id
                    ?? throw new InvalidOperationException($"the App is not installed on {account}");
            }
        );
        services.AddSingleton<Sync.LearnerSync>();
        services.AddSingleton<QuizDesk>();
        services.AddSingleton<ScheduleDesk>();
        services.AddSingleton<CohortDesk>();
        services.AddSingleton<CommandDesk>();
        services.AddSingleton<CapstoneDesk>();
        services.AddSingleton<Peers.PeerRoster>();
        services.AddSingleton<Peers.PeerReviewDesk>();
        services.AddSingleton<EnrollmentGate>();
        services.AddSingleton<JourneyService>();
        services.AddSingleton<InternalWork>();
        services.AddSingleton<JourneyReconciler>();
        services.AddSingleton<Cohorts.CohortViewBuilder>();
        services.AddSingleton<Cohorts.Dashboard.DashboardSchedule>();
        services.AddSingleton<Cohorts.Dashboard.DashboardRefresh>();
        services.AddSingleton<ILearnerChanges, QueuedLearnerChanges>();
        services.AddSingleton<IOpenLabs>(provider => new ProgressOpenLabs(
            provider.GetRequiredService<Course>(),
            provider.GetRequiredService<ILearnerEvents>(),
            provider.GetRequiredService<GradingOptions>()
        ));
        return services;
    }
}
