using CourseBot.Core.Oidc;
using CourseBot.Core.Storage.Journal;
using CourseBot.Core.Webhooks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace CourseBot.Core.Storage;

/// <summary>The embedded stores of <c>coursebot serve</c>: one SQLite file, one process.</summary>
public static class SqliteStoresServiceCollectionExtensions
{
    /// <param name="services">The host's services, after <c>AddCourseBot</c>.</param>
    /// <param name="databaseFile">The SQLite file that holds deliveries, the learner history and used token ids.</param>
    /// <param name="journalDirectory">
    /// Where the delivery journal lives, or null for none: with it, webhooks are appended to the journal before the 202 and
    /// moved into the SQLite inbox in the background (<see cref="DeliveryJournalInbox"/>); without it, each is a row in SQLite
    /// before the 202.
    /// </param>
    public static IServiceCollection AddSqliteStores(this IServiceCollection services, string databaseFile, string? journalDirectory = null)
    {
        services.AddSingleton(provider => new SqliteDeliveryInbox(databaseFile, Time(provider)));
        if (journalDirectory is null)
        {
            services.AddSingleton<IDeliveryInbox>(provider => provider.GetRequiredService<SqliteDeliveryInbox>());
        }
        else
        {
            services.AddSingleton(provider => new DeliveryJournalInbox(
                journalDirectory,
                provider.GetRequiredService<SqliteDeliveryInbox>(),
                provider.GetRequiredService<QueueOptions>().JournalSegmentBytes,
                Time(provider),
                provider.GetRequiredService<ILoggerFactory>().CreateLogger<DeliveryJournalInbox>()));
            services.AddSingleton<IDeliveryInbox>(provider => provider.GetRequiredService<DeliveryJournalInbox>());
            services.RemoveAll<IDeliveryIntake>();
            services.AddSingleton<IDeliveryIntake>(provider => provider.GetRequiredService<DeliveryJournalInbox>());
            services.AddHostedService<JournalPump>();
        }

        services.AddSingleton<ILearnerEvents>(provider => new SqliteLearnerEvents(databaseFile, Time(provider)));
        services.AddSingleton<IReplayGuard>(provider => new SqliteReplayGuard(databaseFile, Time(provider)));
        // One process: a lock in memory is enough.
        services.AddSingleton<ILearnerLocks, ProcessLearnerLocks>();
        return services;
    }

    private static TimeProvider Time(IServiceProvider provider) => provider.GetRequiredService<TimeProvider>();
}
