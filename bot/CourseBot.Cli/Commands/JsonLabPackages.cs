namespace CourseBot.Cli.Commands;

internal sealed record JsonLabPackages(string Lab, List<string> Packages);
