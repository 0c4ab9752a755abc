namespace CourseBot.GitHubEmulator;

public sealed record CommitState(string Sha, string Tree, string? Parent, string Message, DateTimeOffset At);
