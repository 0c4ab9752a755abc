using CourseBot.Storage.Azure;
using CourseBot.Tests.Infrastructure;
using Microsoft.Extensions.Time.Testing;

namespace CourseBot.Tests.Cohorts;

/// <summary>The same learners on record in Azure Tables (Azurite) give the same dashboard, byte for byte.</summary>
[Collection(AzuriteGroup.Name)]
public sealed class AzureCohortViewTests(Azurite azurite)
{
    [Fact]
    public async Task AzureStore_GivesTheSameDashboardFiles()
    {
        ArgumentNullException.ThrowIfNull(azurite);
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 8, 1, 0, 0, 0, TimeSpan.Zero));
        var store = new AzureLearnerEvents(azurite.ConnectionString, "c" + Guid.NewGuid().ToString("N")[..10], time);
        await store.InitializeAsync(CancellationToken.None);
        await CohortOnRecord.WriteAsync(store, time);
        var files = await CohortViewTests.DashboardFilesAsync(store, time);
        foreach (var (path, text) in files)
        {
            Golden.AssertMatches("dashboard-" + path.Replace('/', '-'), text);
        }
    }
}
