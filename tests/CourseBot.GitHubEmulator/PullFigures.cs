namespace CourseBot.GitHubEmulator;

/// <summary>What a pull request's branches hold now: the figures GitHub reports for it.</summary>
internal sealed record PullFigures(string HeadSha, string BaseSha, int Commits, int Additions, int Deletions, int ChangedFiles);
