using System.CommandLine;
using CourseBot.Grading;
using CourseBot.Grading.Labs;
using CourseBot.Grading.Reporting;
using CourseBot.Grading.Sandbox;

namespace CourseBot.Cli.Commands;

/// <summary><c>coursebot lab prove KEY</c>: the starter must not pass and the reference solution must score full marks.</summary>
internal static class LabCommandLine
{
    public static Command Build()
    {
        var key = new Argument<string>("LAB") { Description = "module/lab, or a lab id unique in the course." };
        var curriculum = new Option<string?>("--curriculum", "-c") { Description = "The curriculum folder (default: ./curriculum, searched upwards)." };
        var broker = new Option<string?>("--broker") { Description = "Redis URL for Celery labs (default: a private redis-server for this run)." };
        var user = new Option<string>("--learner-user") { Description = "The prefix of the names of the users learner code runs as (root runs: a fresh user per lab).", DefaultValueFactory = _ => SandboxIdentity.LearnerUser };
        var prove = new Command("prove", "Grade a lab's starter (must not pass) and its reference solution (must score full marks).") { key, curriculum, broker, user };
        prove.SetAction(async (parsed, cancel) =>
        {
            var root = CurriculumLocator.Resolve(parsed.GetValue(curriculum));
            var loaded = LabReader.Find(root, parsed.GetValue(key)!);
            if (loaded.Lab is not { } lab)
            {
                foreach (var diagnostic in loaded.Diagnostics)
                {
                    Console.WriteLine(diagnostic);
                }

                return 2;
            }

            await using var redis = parsed.GetValue(broker) is null ? await PrivateRedis.StartAsync(Console.Error, cancel).ConfigureAwait(false) : null;
            var environment = GradeCommandLine.Environment(parsed.GetValue(broker) ?? redis?.BrokerUrl);
            var grader = new Grader(new SandboxOptions { LearnerUser = parsed.GetValue(user)! }, environment);
            var repository = Path.GetDirectoryName(Path.GetFullPath(root))!;
            var outcome = await new LabProof(repository, grader).RunAsync(lab, cancel).ConfigureAwait(false);
            Console.WriteLine($"Starter of {lab.Key} (must not pass):");
            ConsoleReport.WriteTable(outcome.OnStarter, Console.Out);
            Console.WriteLine($"Reference solution of {lab.Key} (must score full marks):");
            ConsoleReport.WriteTable(outcome.OnSolution, Console.Out);
            // The course author may read their own hidden tests' tracebacks (the detail learners never see); printed inert.
            WorkflowCommands.WriteInert(Console.Out, inert =>
            {
                foreach (var test in outcome.OnSolution.Tests.Where(t => t.Score < t.MaxScore && (t.Detail ?? t.Output) is not null))
                {
                    inert.Write(WorkflowCommands.QuoteLines($"{test.Name} output:\n{test.Detail ?? test.Output}", "    "));
                }

                foreach (var finding in LearnerWrittenState.Find(lab, new LabProof(repository, grader).StarterOf(lab)))
                {
                    inert.WriteLine(finding);
                }
            });

            Console.WriteLine(outcome.Proven ? $"PROVEN: {lab.Key}" : $"NOT PROVEN: {lab.Key}");
            return outcome.Proven ? 0 : 1;
        });
        var command = new Command("lab", "Work on the course's labs.");
        command.Subcommands.Add(prove);
        return command;
    }
}
