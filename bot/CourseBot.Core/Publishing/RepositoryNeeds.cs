namespace CourseBot.Core.Publishing;

/// <summary>What a published repository is for: a template learners' repositories come from; Actions others use.</summary>
public sealed record RepositoryNeeds(bool Template, bool SharedActions);
