using System.CommandLine;
using CourseBot.Cli.Serve;

namespace CourseBot.Cli.Commands;

/// <summary><c>coursebot serve</c>: the bot on ASP.NET Core with embedded defaults (loopback, port 3000, ./curriculum).</summary>
internal static class ServeCommand
{
    public const string DefaultUrl = "http://127.0.0.1:3000";

    public static Command Build()
    {
        var urls = new Option<string>("--urls") { Description = "Where to listen.", DefaultValueFactory = _ => DefaultUrl };
        var curriculum = new Option<string?>("--curriculum", "-c")
        {
            Description = "The curriculum folder (default: ./curriculum, searched upwards).",
        };
        var command = new Command("serve", "Run the bot: serves the course catalog and the bot's HTTP endpoints.") { urls, curriculum };
        command.SetAction((parsed, cancel) => BotServer.RunAsync(
            CurriculumLocator.Resolve(parsed.GetValue(curriculum)),
            parsed.GetValue(urls) ?? DefaultUrl,
            Console.Error,
            cancel));
        return command;
    }
}
