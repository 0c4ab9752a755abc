namespace CourseBot.Core.Journey.Sync;

/// <summary>Raised when GitHub has not finished generating a repository: the queue retries the work later.</summary>
public sealed class RepositoryNotReadyException(string repository) : Exception($"{repository} is still being generated from the template")
{
}
