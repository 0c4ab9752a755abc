namespace CourseBot.Cli.Commands;

internal sealed record JsonDiagnostic(string File, int Line, int Column, string Field, string Message);
