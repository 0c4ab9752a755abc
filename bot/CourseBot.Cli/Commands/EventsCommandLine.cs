using System.CommandLine;
using System.Globalization;

namespace CourseBot.Cli.Commands;

/// <summary>
/// <c>coursebot events failed</c> and <c>coursebot events replay ID|--all</c>: the dead-letter list of
/// the embedded store, or of the Functions host's Azure store with <c>--azure-storage</c>.
/// </summary>
internal static class EventsCommandLine
{
    public static Command Build()
    {
        var store = new StoreOptions();
        var failed = new Command("failed", "List deliveries that failed every attempt, with their last error.");
        store.AddTo(failed);
        failed.SetAction(
            async (parsed, cancel) =>
            {
                var letters = await store.OpenInbox(parsed).DeadLettersAsync(cancel).ConfigureAwait(false);
                foreach (var letter in letters)
                {
                    Console.WriteLine(
                        string.Create(
                            CultureInfo.InvariantCulture,
                            $"{letter.Id}  {letter.FailedAt:u}  {letter.Event, -24} {letter.DeliveryId}  after {letter.Attempts} attempts: "
                            + $"{letter.Error}"
                        )
                    );
                }

                Console.WriteLine(
                    letters.Count == 0
                        ? "No failed deliveries."
                        : $"{letters.Count} failed deliveries; replay with: coursebot events replay ID|--all"
                );
                return 0;
            }
        );

        var id = new Argument<string?>("ID")
        {
            Description = "The dead letter to replay (from 'coursebot events failed').",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var all = new Option<bool>("--all") { Description = "Replay every failed delivery." };
        var replay = new Command("replay", "Put failed deliveries back on the queue; the running bot processes them.") { id, all };
        store.AddTo(replay);
        replay.SetAction(async (parsed, cancel) =>
        {
            var which = parsed.GetValue(id);
            if (which is null == !parsed.GetValue(all))
            {
                Console.Error.WriteLine("Give one ID, or --all.");
                return 2;
            }

            var count = await store.OpenInbox(parsed).ReplayAsync(which, cancel).ConfigureAwait(false);
            Console.WriteLine(count == 0 ? "Nothing to replay." : $"Re-queued {count} deliveries.");
            return count == 0 && which is not null ? 1 : 0;
        });

        var command = new Command("events", "Inspect and replay webhook deliveries.");
        command.Subcommands.Add(failed);
        command.Subcommands.Add(replay);
        return command;
    }
}
