namespace CourseBot.Grading;

/// <summary>What the Action runs with: inputs, the runner's files, and the Actions OIDC token endpoint.</summary>
public sealed record ActionContext
{
    public required string Workspace { get; init; }

    /// <summary>Grade only this lab (local and test use); by default every lab the bot says is open.</summary>
    public string? Lab { get; init; }

    /// <summary>The bot; with it, bundles come from the bot and results go back to it.</summary>
    public Uri? BotUrl { get; init; }

    public string? Audience { get; init; }

    public Uri? TokenRequestUrl { get; init; }

    public string? TokenRequestToken { get; init; }

    /// <summary>A curriculum folder to grade from instead of the bot (local use: the course's own CI).</summary>
    public string? Curriculum { get; init; }

    public string? Sha { get; init; }

    public required string ResultDirectory { get; init; }

    public string? SummaryFile { get; init; }

    public string? OutputFile { get; init; }

    public bool DryRun { get; init; }
}
