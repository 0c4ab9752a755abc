using System.CommandLine;
using CourseBot.Cli.Serve;
using CourseBot.Core.Storage;
using CourseBot.Storage.Azure;

namespace CourseBot.Cli.Commands;

/// <summary>
/// Which store a command reads or writes: the embedded one in <c>--data</c> (what <c>coursebot serve</c> runs on), or the
/// Functions host's Azure store with <c>--azure-storage</c> (a connection string, or an account name signed in with Entra ID).
/// </summary>
internal sealed class StoreOptions
{
    public Option<string> Data { get; } = new("--data")
    {
        Description = "The bot's data folder (default: .coursebot).",
        DefaultValueFactory = _ => BotServer.DefaultDataDirectory,
    };

    public Option<string?> AzureStorage { get; } = new("--azure-storage")
    {
        Description = "The Functions host's storage: its connection string (AzureWebJobsStorage), or the account's name "
            + "to sign in with your Entra ID (az login). Uses its Azure store instead of the embedded one.",
    };

    public Option<string> Prefix { get; } = new("--prefix")
    {
        Description = "The Azure store's table and queue prefix (CourseBot:Prefix).",
        DefaultValueFactory = _ => "coursebot",
    };

    public void AddTo(Command command)
    {
        command.Options.Add(Data);
        command.Options.Add(AzureStorage);
        command.Options.Add(Prefix);
    }

    /// <summary>True when the command works on the embedded store (its data folder).</summary>
    public bool IsEmbedded(ParseResult parsed) => parsed.GetValue(AzureStorage) is not { Length: > 0 };

    /// <summary>The Azure account <c>--azure-storage</c> names (a connection string or an account name), or null.</summary>
    public AzureStorageAccount? Account(ParseResult parsed) =>
        parsed.GetValue(AzureStorage) is { Length: > 0 } azure ? AzureStorageAccount.Parse(azure) : null;

    public IDeliveryInbox OpenInbox(ParseResult parsed)
    {
        if (Account(parsed) is { } account)
        {
            return new AzureDeliveryInbox(account, parsed.GetValue(Prefix)!, TimeProvider.System);
        }

        return new SqliteDeliveryInbox(Database(parsed), TimeProvider.System);
    }

    /// <summary>The learner histories of the chosen store (the Azure table is created when missing, as the host does).</summary>
    public async Task<ILearnerEvents> OpenHistoryAsync(ParseResult parsed, CancellationToken cancel)
    {
        if (Account(parsed) is { } account)
        {
            var azure = new AzureLearnerEvents(account, parsed.GetValue(Prefix)!, TimeProvider.System);
            await azure.InitializeAsync(cancel).ConfigureAwait(false);
            return azure;
        }

        return new SqliteLearnerEvents(Database(parsed), TimeProvider.System);
    }

    private string Database(ParseResult parsed)
    {
        var data = parsed.GetValue(Data)!;
        Directory.CreateDirectory(data);
        return Path.Combine(data, "coursebot.db");
    }
}
