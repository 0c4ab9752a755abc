using System.CommandLine;
using CourseBot.Grading;
using CourseBot.Grading.Sandbox;

namespace CourseBot.Cli.Commands;

/// <summary><c>coursebot grade --lab ID</c>: the Action's grader on a local checkout, printing the same table.</summary>
internal static class GradeCommandLine
{
    public static Command Build()
    {
        var lab = new Option<string>("--lab") { Description = "The lab: module/lab, or a lab id unique in the course.", Required = true };
        var workspace = new Option<string>("--workspace", "-w")
        {
            Description = "The learner repository to grade (default: the current folder).",
            DefaultValueFactory = _ => ".",
        };
        var curriculum = new Option<string?>("--curriculum", "-c")
        {
            Description = "The curriculum folder (default: ./curriculum, searched upwards).",
        };
        var classroom = new Option<string?>("--classroom")
        {
            Description = "Grade a GitHub Classroom autograding.json instead of a curriculum lab.",
        };
        var resultFile = new Option<string?>("--result-file") { Description = "Also write the result JSON here." };
        var broker = new Option<string?>("--broker")
        {
            Description = "Redis URL for Celery labs (default: a private redis-server for this run; results use the next database).",
        };
        var seed = SeedOption.Create();
        var command = new Command("grade", "Grade a lab on a local checkout, as the grading Action does.")
        {
            lab,
            workspace,
            curriculum,
            classroom,
            resultFile,
            broker,
            seed,
        };
        command.SetAction(
            async (parsed, cancel) =>
            {
                var request = new GradeRequest
                {
                    Lab = parsed.GetValue(lab)!,
                    Workspace = parsed.GetValue(workspace) ?? ".",
                    Curriculum = CurriculumLocator.Resolve(parsed.GetValue(curriculum)),
                    ClassroomFile = parsed.GetValue(classroom),
                    ResultFile = parsed.GetValue(resultFile),
                };
                await using var redis = parsed.GetValue(broker) is null
                    ? await PrivateRedis.StartAsync(Console.Error, cancel).ConfigureAwait(false)
                    : null;
                var environment = Environment(parsed.GetValue(broker) ?? redis?.BrokerUrl) with
                {
                    Seed = SeedOption.Resolve(parsed.GetValue(seed)),
                };
                return await GradeCommand.RunAsync(request, environment, new SandboxOptions(), Console.Out, cancel).ConfigureAwait(false);
            }
        );
        return command;
    }

    internal static GradingEnvironment Environment(string? broker)
    {
        if (broker is null)
        {
            return new GradingEnvironment();
        }

        // redis://host:port/N -> results in database N+1, so results never mix with messages.
        var uri = new Uri(broker);
        var database = int.TryParse(uri.AbsolutePath.Trim('/'), System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : 0;
        var backend = new UriBuilder(uri)
        {
            Path = "/" + (database + 1).ToString(System.Globalization.CultureInfo.InvariantCulture),
        }.Uri.ToString();
        return new GradingEnvironment { BrokerUrl = broker, BackendUrl = backend };
    }
}
