using CourseBot.Core.Oidc;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using CourseBot.Core.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CourseBot.Storage.Azure;

/// <summary>The stores of the Functions host: shared by every instance, so leases and used token ids hold across them.</summary>
public static class AzureStoresServiceCollectionExtensions
{
    /// <summary>Reads <see cref="AzureStorageOptions"/> (once, validated when the host starts) and registers the four stores.</summary>
    /// <param name="services">The host's services, after <c>AddCourseBot</c> (which registers the configuration).</param>
    public static IServiceCollection AddAzureStores(this IServiceCollection services)
    {
        services.AddOptions<AzureStorageOptions>()
            .BindConfiguration(AzureStorageOptions.Section)
            // Without a setting of its own the store is the Functions host's storage account, in either of the runtime's
            // forms: a connection string, or AzureWebJobsStorage__accountName (and friends) with a managed identity.
            .PostConfigure<IConfiguration>((options, configuration) => options.Account = options.Storage is { Length: > 0 }
                ? AzureStorageAccount.Parse(options.Storage)
                : AzureStorageAccount.FromConfiguration(configuration, AzureStorageOptions.FunctionsStorageSetting))
            .Validate(options => options.Account is not null, AzureStorageOptions.MissingAccount)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton(provider => Create(provider, (storage, prefix, time) => new AzureDeliveryInbox(storage, prefix, time)));
        services.AddSingleton<IDeliveryInbox>(provider => provider.GetRequiredService<AzureDeliveryInbox>());
        services.AddSingleton(provider => Create(provider, (storage, prefix, time) => new AzureLearnerEvents(storage, prefix, time)));
        services.AddSingleton<ILearnerEvents>(provider => provider.GetRequiredService<AzureLearnerEvents>());
        // Used token ids in the table every instance shares: a replay to another instance is refused too.
        services.AddSingleton(provider => Create(provider, (storage, prefix, time) => new AzureReplayGuard(storage, prefix, time)));
        services.AddSingleton<IReplayGuard>(provider => provider.GetRequiredService<AzureReplayGuard>());
        services.AddSingleton(provider => Create(provider, (storage, prefix, time) => new BlobLeaseLearnerLocks(storage, prefix, time)));
        services.AddSingleton<ILearnerLocks>(provider => provider.GetRequiredService<BlobLeaseLearnerLocks>());
        // The dashboard's cookies open on every instance: one key ring, in the same account.
        services.AddOptions<KeyManagementOptions>().Configure<IServiceProvider>((keys, provider) =>
            keys.XmlRepository = new BlobKeyRingRepository(() =>
            {
                var storage = provider.GetRequiredService<IOptions<AzureStorageOptions>>().Value;
                return storage.Account!.Container(storage.Prefix + "keys");
            }));
        return services;
    }

    /// <summary>Creates the tables, queue and container if missing: before the first webhook arrives.</summary>
    public static async Task InitializeAzureStoresAsync(this IServiceProvider services, CancellationToken cancel)
    {
        await services.GetRequiredService<AzureDeliveryInbox>().InitializeAsync(cancel).ConfigureAwait(false);
        await services.GetRequiredService<AzureLearnerEvents>().InitializeAsync(cancel).ConfigureAwait(false);
        await services.GetRequiredService<BlobLeaseLearnerLocks>().InitializeAsync(cancel).ConfigureAwait(false);
        await services.GetRequiredService<AzureReplayGuard>().InitializeAsync(cancel).ConfigureAwait(false);
    }

    private static T Create<T>(IServiceProvider provider, Func<AzureStorageAccount, string, TimeProvider, T> store)
    {
        var options = provider.GetRequiredService<IOptions<AzureStorageOptions>>().Value;
        return store(options.Account!, options.Prefix, provider.GetRequiredService<TimeProvider>());
    }
}
