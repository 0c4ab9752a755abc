using System.CommandLine;
using CourseBot.Core.Cohorts;
using CourseBot.Core.Cohorts.Dashboard;
using CourseBot.Core.Curriculum.Validation;
using CourseBot.Core.Storage;
using Spectre.Console;

namespace CourseBot.Cli.Commands;

/// <summary>
/// <c>coursebot cohort report --cohort NAME [--format md|csv|json]</c>: one cohort's table from the embedded store, or the
/// Functions host's Azure store with <c>--azure-storage</c>; the report on stdout, a progress bar on stderr while it reads.
/// </summary>
internal static class CohortCommandLine
{
    public static Command Build()
    {
        var cohort = new Option<string>("--cohort") { Description = "The cohort, as learners enrolled in it.", Required = true };
        var format = new Option<string>("--format")
        {
            Description = "md (the dashboard's table), csv (grades) or json.",
            DefaultValueFactory = _ => "md",
        };
        format.AcceptOnlyFromAmong("md", "csv", "json");
        var curriculum = new Option<string?>("--curriculum")
        {
            Description = "The curriculum folder (default: ./curriculum or the nearest one above).",
        };
        var store = new StoreOptions();
        var report = new Command("report", "One cohort's learners: module, due date, days behind pace, scores, reviews, certificates.")
        {
            cohort, format, curriculum,
        };
        store.AddTo(report);
        report.SetAction(async (parsed, cancel) =>
        {
            var course = ValidCourse.Load(CurriculumLocator.Resolve(parsed.GetValue(curriculum)));
            var history = await store.OpenHistoryAsync(parsed, cancel).ConfigureAwait(false);
            var name = CohortLearnerReader.CohortName(parsed.GetValue(cohort));
            var builder = new CohortViewBuilder(course, history, TimeProvider.System);
            var views = await ReadAsync(builder, history, name, cancel).ConfigureAwait(false);
            var view = views.Count > 0
                ? views[0]
                : new CohortView(name, DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().UtcDateTime), []);
            if (view.Learners.IsEmpty)
            {
                await Console.Error.WriteLineAsync($"coursebot cohort report: no learner is enrolled in cohort {name} yet")
                    .ConfigureAwait(false);
            }

            Console.Write(parsed.GetValue(format) switch
            {
                "csv" => GradesCsvWriter.Write(course, view),
                "json" => CohortJsonWriter.Write(view),
                _ => CohortPageWriter.Write(course, view),
            });
            return 0;
        });

        var command = new Command("cohort", "Report on a cohort of learners.");
        command.Subcommands.Add(report);
        return command;
    }

    /// <summary>Builds the view with a progress bar on stderr (stdout carries the report), one step per learner read.</summary>
    private static async Task<IReadOnlyList<CohortView>> ReadAsync(
        CohortViewBuilder builder, ILearnerEvents store, string cohort, CancellationToken cancel)
    {
        var total = (await store.LearnersAsync(cancel).ConfigureAwait(false)).Count;
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        IReadOnlyList<CohortView> views = [];
        await console.Progress().AutoClear(true).StartAsync(async context =>
        {
            var task = context.AddTask("Reading learner histories", maxValue: Math.Max(total, 1));
            views = await builder.BuildAsync(cohort, new Progress<int>(read => task.Value = Math.Min(read, total)), cancel)
                .ConfigureAwait(false);
            task.Value = task.MaxValue;
        }).ConfigureAwait(false);
        return views;
    }
}
