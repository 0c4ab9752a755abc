using CourseBot.Core.Oidc;
using Microsoft.Extensions.DependencyInjection;

namespace CourseBot.Core.Storage;

/// <summary>The embedded stores of <c>coursebot serve</c>: one SQLite file, one process.</summary>
public static class SqliteStoresServiceCollectionExtensions
{
    /// <param name="services">The host's services, after <c>AddCourseBot</c>.</param>
    /// <param name="databaseFile">The SQLite file that holds deliveries, the learner history and used token ids.</param>
    public static IServiceCollection AddSqliteStores(this IServiceCollection services, string databaseFile)
    {
        services.AddSingleton<IDeliveryInbox>(provider => new SqliteDeliveryInbox(databaseFile, Time(provider)));
        services.AddSingleton<ILearnerEvents>(provider => new SqliteLearnerEvents(databaseFile, Time(provider)));
        services.AddSingleton<IReplayGuard>(provider => new SqliteReplayGuard(databaseFile, Time(provider)));
        // One process: a lock in memory is enough.
        services.AddSingleton<ILearnerLocks, ProcessLearnerLocks>();
        return services;
    }

    private static TimeProvider Time(IServiceProvider provider) => provider.GetRequiredService<TimeProvider>();
}
