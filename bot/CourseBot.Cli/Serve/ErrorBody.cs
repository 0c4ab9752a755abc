namespace CourseBot.Cli.Serve;

/// <summary>Every refusal says why, in one field.</summary>
internal sealed record ErrorBody(string Error);
