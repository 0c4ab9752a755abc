namespace CourseBot.GitHubEmulator;

public sealed record LabelState(long Id, string Name, string Color, string? Description);
