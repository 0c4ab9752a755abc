namespace CourseBot.Core.OpenBadges;

/// <summary>One piece of evidence a credential links to: a passed module's issue or a capstone's pull request in the learner's
/// repository.</summary>
public sealed record CredentialEvidence(string Url, string Name);
