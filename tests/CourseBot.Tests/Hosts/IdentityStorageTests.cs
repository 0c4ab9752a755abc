using CourseBot.Core.Storage;
using CourseBot.Functions;
using CourseBot.Storage.Azure;
using CourseBot.Tests.Webhooks;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CourseBot.Tests.Hosts;

/// <summary>
/// The identity-based storage settings <c>azd</c> templates give a Function App (no key anywhere): the account name, or
/// the three service URIs, with a managed identity. The Functions host and <c>enroll</c>/<c>events</c> read them the
/// way the Functions runtime does; the stores themselves are proven on Azurite with a connection string elsewhere.
/// </summary>
public sealed class IdentityStorageTests
{
    [Fact]
    public void AccountName_BuildsTheThreeServiceUris_AndEveryStoreAddressesThem()
    {
        var account = AzureStorageAccount.FromConfiguration(Settings(new()
        {
            ["AzureWebJobsStorage:accountName"] = "coursebotprod",
            ["AzureWebJobsStorage:credential"] = "managedidentity",
            ["AzureWebJobsStorage:clientId"] = "00000000-0000-0000-0000-0000000000c1",
        }), "AzureWebJobsStorage")!;

        Assert.True(account.UsesIdentity);
        Assert.Equal("https://coursebotprod.blob.core.windows.net/", account.BlobServiceUri!.AbsoluteUri);
        Assert.Equal("https://coursebotprod.queue.core.windows.net/", account.QueueServiceUri!.AbsoluteUri);
        Assert.Equal("https://coursebotprod.table.core.windows.net/", account.TableServiceUri!.AbsoluteUri);
        Assert.Equal(
            "https://coursebotprod.table.core.windows.net/coursebotdeliveries",
            account.Table("coursebotdeliveries").Uri.AbsoluteUri
        );
        Assert.Equal(
            "https://coursebotprod.queue.core.windows.net/coursebotdeliveries",
            account.Queue("coursebotdeliveries", new()).Uri.AbsoluteUri
        );
        Assert.Equal("https://coursebotprod.blob.core.windows.net/coursebotlocks", account.Container("coursebotlocks").Uri.AbsoluteUri);
        Assert.DoesNotContain("00000000", account.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void ServiceUris_WithAPath_KeepIt()
    {
        var account = AzureStorageAccount.FromConfiguration(Settings(new()
        {
            ["AzureWebJobsStorage:blobServiceUri"] = "https://sovereign.example.test:10000/acct",
            ["AzureWebJobsStorage:queueServiceUri"] = "https://sovereign.example.test:10001/acct",
            ["AzureWebJobsStorage:tableServiceUri"] = "https://sovereign.example.test:10002/acct",
        }), "AzureWebJobsStorage")!;

        Assert.Equal("https://sovereign.example.test:10000/acct/coursebotpayloads", account.Container("coursebotpayloads").Uri.AbsoluteUri);
        Assert.Equal("https://sovereign.example.test:10001/acct/q", account.Queue("q", new()).Uri.AbsoluteUri);
    }

    [Fact]
    public void ConnectionString_AndBareAccountName_AreToldApart()
    {
        Assert.False(AzureStorageAccount.Parse("UseDevelopmentStorage=true").UsesIdentity);
        var named = AzureStorageAccount.Parse("coursebotprod");
        Assert.True(named.UsesIdentity);
        Assert.Equal("coursebotprod.table.core.windows.net", named.TableServiceUri!.Host);
        Assert.Null(AzureStorageAccount.FromConfiguration(Settings([]), "AzureWebJobsStorage"));
    }

    [Fact]
    public void FunctionsHost_OnTheAccountNameForm_Starts_AndItsStoresUseTheAccount()
    {
        // Before: only a connection string was read, and this form threw at start.
        using var provider = new ServiceCollection().AddCourseBotFunctions(Settings(new()
        {
            ["AzureWebJobsStorage:accountName"] = "coursebotprod",
            ["AzureWebJobsStorage:credential"] = "managedidentity",
            ["CourseBot:Webhooks:Secret"] = WebhookRequests.Secret,
            ["CourseBot:CurriculumPath"] = RepositoryPaths.Curriculum,
            ["CourseBot:Journey:CourseRepository"] = "academy/celery-course",
            ["CourseBot:Journey:TemplateRepository"] = "academy/celery-learner-template",
        })).BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });

        provider.GetRequiredService<IStartupValidator>().Validate();
        var options = provider.GetRequiredService<IOptions<AzureStorageOptions>>().Value;
        Assert.Equal("coursebotprod.queue.core.windows.net", options.Account!.QueueServiceUri!.Host);
        Assert.IsType<AzureDeliveryInbox>(provider.GetRequiredService<IDeliveryInbox>());
    }

    [Fact]
    public void FunctionsHost_WithNoStorageAtAll_SaysWhichSettingsToGive()
    {
        using var provider = new ServiceCollection().AddCourseBotFunctions(Settings(new()
        {
            ["CourseBot:Webhooks:Secret"] = WebhookRequests.Secret,
            ["CourseBot:CurriculumPath"] = RepositoryPaths.Curriculum,
        })).BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<AzureStorageOptions>>().Value);
        Assert.Contains("AzureWebJobsStorage__accountName", error.Message, StringComparison.Ordinal);
    }

    private static IConfiguration Settings(Dictionary<string, string?> values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values).Build();
}
