using System.CommandLine;
using System.Globalization;
using CourseBot.Cli.Serve;
using CourseBot.Core.Storage;

namespace CourseBot.Cli.Commands;

/// <summary>
/// <c>coursebot events failed</c> and <c>coursebot events replay ID|--all</c>: the dead-letter list of
/// the embedded store, or of the Functions host's Azure store with <c>--azure-storage</c>.
/// </summary>
internal static class EventsCommandLine
{
    public static Command Build()
    {
        var data = new Option<string>("--data")
        {
            Description = "The bot's data folder (default: .coursebot).",
            DefaultValueFactory = _ => BotServer.DefaultDataDirectory,
        };
        var azure = new Option<string?>("--azure-storage")
        {
            Description =
                "The Functions host's storage connection string (its AzureWebJobsStorage): use its Azure store instead of the "
                + "embedded one.",
        };
        var prefix = new Option<string>("--prefix")
        {
            Description = "The Azure store's table and queue prefix (CourseBot:Prefix).",
            DefaultValueFactory = _ => "coursebot",
        };

        var failed = new Command("failed", "List deliveries that failed every attempt, with their last error.") { data, azure, prefix };
        failed.SetAction(async (parsed, cancel) =>
        {
            var letters = await Open(parsed.GetValue(data)!, parsed.GetValue(azure), parsed.GetValue(prefix)!)
                .DeadLettersAsync(cancel).ConfigureAwait(false);
            foreach (var letter in letters)
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{letter.Id}  {letter.FailedAt:u}  {letter.Event,-24} {letter.DeliveryId}  "
                    + $"after {letter.Attempts} attempts: {letter.Error}"));
            }

            Console.WriteLine(letters.Count == 0
                ? "No failed deliveries."
                : $"{letters.Count} failed deliveries; replay with: coursebot events replay ID|--all");
            return 0;
        });

        var id = new Argument<string?>("ID")
        {
            Description = "The dead letter to replay (from 'coursebot events failed').",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var all = new Option<bool>("--all") { Description = "Replay every failed delivery." };
        var replay = new Command("replay", "Put failed deliveries back on the queue; the running bot processes them.")
        {
            id, all, data, azure, prefix,
        };
        replay.SetAction(async (parsed, cancel) =>
        {
            var which = parsed.GetValue(id);
            if (which is null == !parsed.GetValue(all))
            {
                Console.Error.WriteLine("Give one ID, or --all.");
                return 2;
            }

            var count = await Open(parsed.GetValue(data)!, parsed.GetValue(azure), parsed.GetValue(prefix)!)
                .ReplayAsync(which, cancel).ConfigureAwait(false);
            Console.WriteLine(count == 0 ? "Nothing to replay." : $"Re-queued {count} deliveries.");
            return count == 0 && which is not null ? 1 : 0;
        });

        var command = new Command("events", "Inspect and replay webhook deliveries.");
        command.Subcommands.Add(failed);
        command.Subcommands.Add(replay);
        return command;
    }

    private static IDeliveryInbox Open(string dataDirectory, string? azureStorage, string prefix) => azureStorage is { Length: > 0 }
        ? new Storage.Azure.AzureDeliveryInbox(azureStorage, prefix, TimeProvider.System)
        : new SqliteDeliveryInbox(Path.Combine(dataDirectory, "coursebot.db"), TimeProvider.System);
}
