using System.CommandLine;
using CourseBot.Core.Curriculum.Loading;
using CourseBot.Core.Curriculum.Validation;

namespace CourseBot.Cli.Commands;

/// <summary><c>coursebot curriculum validate [DIR]</c> and <c>coursebot curriculum show [MODULE]</c>.</summary>
internal static class CurriculumCommands
{
    public static Command Build()
    {
        var command = new Command("curriculum", "Check and show the course data in curriculum/.");

        var dir = new Argument<string?>("DIR")
        {
            Description = "The curriculum folder (default: ./curriculum, searched upwards).",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var format = new Option<string>("--format") { Description = "Report format: text or json.", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "json");
        var validate = new Command("validate", "Load and check the curriculum; exit 0 when valid, 1 when not.") { dir, format };
        validate.SetAction(parsed => Validate(parsed.GetValue(dir), parsed.GetValue(format) ?? "text", Console.Out));

        var module = new Argument<string?>("MODULE")
        {
            Description = "A module number or id; omit for a table of all modules.",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var curriculum = new Option<string?>("--curriculum", "-c")
        {
            Description = "The curriculum folder (default: ./curriculum, searched upwards).",
        };
        var show = new Command("show", "Show one module, or a table of all modules.") { module, curriculum };
        show.SetAction(parsed => Show(parsed.GetValue(curriculum), parsed.GetValue(module), Console.Out, Console.Error));

        command.Subcommands.Add(validate);
        command.Subcommands.Add(show);
        return command;
    }

    public static int Validate(string? directory, string format, TextWriter output)
    {
        var root = CurriculumLocator.Resolve(directory);
        var report = CurriculumValidator.ValidateFolder(root);
        if (format == "json")
        {
            CurriculumReportWriter.WriteJson(report, root, output);
        }
        else
        {
            CurriculumReportWriter.WriteText(report, root, output);
        }

        return report.IsValid ? 0 : 1;
    }

    public static int Show(string? directory, string? moduleRef, TextWriter output, TextWriter error)
    {
        var root = CurriculumLocator.Resolve(directory);
        var loaded = CurriculumLoader.Load(root);
        if (loaded.Course is not { } course || !loaded.Diagnostics.IsEmpty)
        {
            error.WriteLine($"The curriculum in '{root}' does not load; run 'coursebot curriculum validate {root}' for details.");
            return 1;
        }

        if (moduleRef is null)
        {
            CurriculumTableWriter.WriteModuleTable(course, output);
            return 0;
        }

        if (course.FindModule(moduleRef) is not { } module)
        {
            error.WriteLine(
                $"No module '{moduleRef}'. Give a number (1-{course.Modules.Length}) or an id such as '{course.Modules[0].Id}'."
            );
            return 1;
        }

        CurriculumTableWriter.WriteModule(course, module, output);
        return 0;
    }
}
