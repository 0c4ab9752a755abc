using System.CommandLine;
using CourseBot.Cli.Commands;
using CourseBot.Core.Journey.History;
using CourseBot.Storage.Azure;
using CourseBot.Tests.Infrastructure;

namespace CourseBot.Tests.Cli;

/// <summary>
/// Every command that opens the bot's store (<c>enroll</c>, <c>events</c>, <c>cohort report</c>, <c>regrade</c>) takes it
/// from <see cref="StoreOptions"/>: the same options, the same two forms of <c>--azure-storage</c>.
/// </summary>
[Collection(AzuriteGroup.Name)]
public sealed class StoreOptionsTests(Azurite azurite)
{
    private static readonly string[] StoreOptionNames = ["--data", "--azure-storage", "--prefix"];

    [Theory]
    [InlineData("cohort", "report")]
    [InlineData("regrade")]
    [InlineData("enroll")]
    public void Command_TakesTheStoreOptionsOfEvents(params string[] path)
    {
        var root = CourseBotCommandLine.Build();
        var events = Options(Find(root, "events", "failed"));
        var command = Options(Find(root, path));
        foreach (var name in StoreOptionNames)
        {
            Assert.Equal(events[name], command[name]);
        }
    }

    [Fact]
    public void AzureStorage_AnAccountName_ReachesTheAccountsServicesWithEntraId()
    {
        var store = new StoreOptions();
        var command = new Command("report");
        store.AddTo(command);

        var account = store.Account(command.Parse(["--azure-storage", "coursebotprod"]))!;

        Assert.True(account.UsesIdentity);
        Assert.Equal(new Uri("https://coursebotprod.table.core.windows.net/"), account.TableServiceUri);
        Assert.Equal(new Uri("https://coursebotprod.queue.core.windows.net/"), account.QueueServiceUri);
        Assert.Equal(new Uri("https://coursebotprod.blob.core.windows.net/"), account.BlobServiceUri);
        Assert.Null(store.Account(command.Parse([])));
    }

    [Fact]
    public async Task CohortReport_OnTheAzureStore_ReadsItsLearners()
    {
        var prefix = "s" + Guid.NewGuid().ToString("N")[..10];
        var history = new AzureLearnerEvents(azurite.ConnectionString, prefix, TimeProvider.System);
        await history.InitializeAsync(CancellationToken.None);
        var enrolled = new Enrolled("ada", "fundamentals", "part-time", new DateOnly(2026, 11, 2), "spring", 1, null);
        await history.AppendAsync("academy/celery-ada", "fundamentals", enrolled, CancellationToken.None);
        var output = new StringWriter();
        var before = Console.Out;
        int exit;
        try
        {
            Console.SetOut(output);
            exit = await CourseBotCommandLine.Build().Parse([
                "cohort", "report", "--cohort", "spring", "--format", "csv", "--curriculum", RepositoryPaths.Curriculum,
                "--azure-storage", azurite.ConnectionString, "--prefix", prefix]).InvokeAsync();
        }
        finally
        {
            Console.SetOut(before);
        }

        Assert.Equal(0, exit);
        Assert.Contains("\nada,academy/celery-ada,spring,fundamentals,part-time,2026-11-02,", output.ToString(), StringComparison.Ordinal);
    }

    private static Command Find(Command root, params string[] path) =>
        path.Aggregate(root, (command, name) => command.Subcommands.Single(c => c.Name == name));

    private static Dictionary<string, (string? Description, string Type)> Options(Command command) =>
        command.Options.Where(o => StoreOptionNames.Contains(o.Name))
            .ToDictionary(o => o.Name, o => (o.Description, o.ValueType.Name), StringComparer.Ordinal);
}
