namespace CourseBot.Cli.Serve;

/// <summary>An acceptance, with what happened.</summary>
internal sealed record StatusBody(string Status);
