namespace CourseBot.Core.Publishing;

/// <summary>What a published repository is for: a template learners' repositories are generated from; Actions other repositories use.</summary>
public sealed record RepositoryNeeds(bool Template, bool SharedActions);
