using System.CommandLine;
using System.Globalization;
using CourseBot.Core.Curriculum.Validation;
using CourseBot.Core.Journey;
using CourseBot.Core.LabGrading;
using Spectre.Console;

namespace CourseBot.Cli.Commands;

/// <summary>
/// <c>coursebot regrade --lab MODULE/LAB [--cohort NAME]</c>: after a hidden test is fixed, the grading workflow is run
/// again for every learner who has the lab open. Queued in the bot's store; the running bot dispatches them, spaced
/// under GitHub's limits, and records each with the hidden tests' version, so running it again skips who is done.
/// </summary>
internal static class RegradeCommandLine
{
    public static Command Build()
    {
        var lab = new Option<string>("--lab") { Description = "The lab, MODULE/LAB (as in curriculum show).", Required = true };
        var cohort = new Option<string?>("--cohort") { Description = "Only learners of this cohort (default: every cohort)." };
        var curriculum = new Option<string?>("--curriculum")
        {
            Description = "The curriculum folder (default: ./curriculum or the nearest one above).",
        };
        var store = new StoreOptions();
        var command = new Command("regrade", "Grade one lab again for every learner who has it open (after its hidden tests changed).")
        {
            lab, cohort, curriculum,
        };
        store.AddTo(command);
        command.SetAction(async (parsed, cancel) =>
        {
            var root = CurriculumLocator.Resolve(parsed.GetValue(curriculum));
            var report = CurriculumValidator.ValidateFolder(root);
            var key = parsed.GetValue(lab)!;
            if (report.Course is not { } course || !report.IsValid)
            {
                await Console.Error.WriteLineAsync("coursebot regrade: the curriculum is not valid; run coursebot curriculum validate")
                    .ConfigureAwait(false);
                return 1;
            }

            if (HiddenTestsVersion.Of(root, key) is not { } version)
            {
                await Console.Error.WriteLineAsync($"coursebot regrade: no lab {key} in the curriculum (MODULE/LAB)").ConfigureAwait(false);
                return 2;
            }

            var (history, inbox) = (await store.OpenHistoryAsync(parsed, cancel).ConfigureAwait(false), store.OpenInbox(parsed));
            // The bar goes to stderr (as cohort report's), so stdout carries only the summary.
            var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
            RegradeReport result = null!;
            await console.Progress().AutoClear(true).StartAsync(async context =>
            {
                var task = context.AddTask("Reading learner histories");
                var bar = new Progress<(int Read, int Total)>(p => (task.MaxValue, task.Value) = (Math.Max(p.Total, 1), p.Read));
                result = await RegradeQueuing
                    .QueueAsync(course, history, inbox, key, version, parsed.GetValue(cohort), bar, cancel)
                    .ConfigureAwait(false);
                task.Value = task.MaxValue;
            }).ConfigureAwait(false);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Regrade {key} with hidden tests {version}: {result.Learners} learners read, {result.Queued} queued, "
                + $"{result.AlreadyDone} regraded before with these tests, {result.NotOpen} without the lab open. "
                + $"The running bot dispatches them."));
            return 0;
        });
        return command;
    }
}
