namespace CourseBot.Core.Publishing;

/// <summary>The branch publish writes to; <see cref="Exists"/> is false only in a dry run for a repository not created yet.</summary>
public sealed record PublishedBranch(string Owner, string Repository, string Branch, bool Exists);
