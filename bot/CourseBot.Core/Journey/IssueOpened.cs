namespace CourseBot.Core.Journey;

/// <summary>An issue opened in the course repository or a learner repository (from the <c>issues</c> webhook).</summary>
public sealed record IssueOpened(
    long Installation,
    string Repository,
    int Number,
    string Title,
    string? Body,
    string Author,
    bool ByBot,
    IReadOnlyList<string> Labels
);
