using System.CommandLine;

namespace CourseBot.Cli.Commands;

/// <summary>The <c>coursebot</c> command tree. Each command is a few lines that call the core.</summary>
internal static class CourseBotCommandLine
{
    public static RootCommand Build()
    {
        var root = new RootCommand("CourseBot: run a programming course on GitHub.");
        root.Subcommands.Add(CurriculumCommands.Build());
        root.Subcommands.Add(ServeCommand.Build());
        root.Subcommands.Add(GradeCommandLine.Build());
        root.Subcommands.Add(LabCommandLine.Build());
        root.Subcommands.Add(EventsCommandLine.Build());
        root.Subcommands.Add(EnrollCommandLine.Build());
        root.Subcommands.Add(RegradeCommandLine.Build());
        root.Subcommands.Add(CourseCommandLine.Build());
        root.Subcommands.Add(CohortCommandLine.Build());
        root.Subcommands.Add(CredentialCommandLine.Build());
        root.Subcommands.Add(DoctorCommandLine.Build());
        return root;
    }
}
