using CourseBot.Core.Journey.History;
using CourseBot.Core.Storage;

namespace CourseBot.Tests.Infrastructure;

/// <summary>
/// A learner repository in the bot's record as enrollment leaves it (the enrollment, then the created
/// repository with its ids), for tests of grading that do not run the whole journey.
/// </summary>
internal static class EnrolledRepository
{
    /// <param name="history">The bot's store.</param>
    /// <param name="repository">owner/name.</param>
    /// <param name="id">The repository's id as recorded.</param>
    /// <param name="ownerId">The owner's id as recorded; null as in records made before the bot kept it.</param>
    public static async Task RecordAsync(
        ILearnerEvents history, string repository, long id = TestOidcIssuer.RepositoryId, long? ownerId = TestOidcIssuer.OwnerId)
    {
        var login = repository.Split('/')[1];
        var enrolled = new Enrolled(login, "fundamentals", "part-time", new DateOnly(2026, 12, 1), null, null, null);
        await history.AppendAsync(repository, "fundamentals", enrolled, CancellationToken.None);
        var created = new RepositoryCreated($"https://github.com/{repository}", id, ownerId);
        await history.AppendAsync(repository, "", created, CancellationToken.None);
    }
}
