namespace CourseBot.Cli.Commands;

/// <summary>How publish reaches GitHub: an owner's token if given, else the App whose secrets are in the data folder.</summary>
internal sealed record PublishCredentials(string? Token, Uri? ApiUrl, string DataDirectory);
