using CourseBot.Core.Journey;
using CourseBot.Core.Journey.History;
using CourseBot.Core.Journey.Peers;
using CourseBot.Core.Journey.Sync;
using CourseBot.Core.Storage;

namespace CourseBot.Tests.Journey;

/// <summary>Choosing capstone peers reads the store once, whatever the cohort's size.</summary>
public sealed class PeerRosterTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("coursebot-roster-").FullName;

    [Fact]
    public async Task ChooseAsync_TwelveLearners_OnePassOverTheStoreAndTheSameChoice()
    {
        var store = new CountingLearnerEvents(new SqliteLearnerEvents(Path.Combine(_dir, "coursebot.db"), TimeProvider.System));
        var module = CeleryCourse.Course.Modules.Where(m => m.Path == "fundamentals").MinBy(m => m.Number)!.Id;
        for (var i = 0; i < 12; i++)
        {
            // Learners 0 to 9 share the author's cohort; 10 and 11 are in another one.
            var cohort = i < 10 ? "spring" : "autumn";
            var enrolled = new Enrolled($"l{i:00}", "fundamentals", "part-time", new DateOnly(2026, 11, 2), cohort, 1, null);
            await store.AppendAsync($"academy/celery-l{i:00}", "fundamentals", enrolled, CancellationToken.None);
        }

        // l01 and l02 have reviewed before: the peers who have given fewest reviews come first.
        var review = new PeerReviewGiven("academy/celery-l05", 3, 9, DateTimeOffset.UnixEpoch, null);
        await store.AppendAsync("academy/celery-l01", module, review, CancellationToken.None);
        await store.AppendAsync("academy/celery-l02", module, review, CancellationToken.None);
        var author = LearnerLedger.From("academy/celery-l00", await store.ReadAsync("academy/celery-l00", CancellationToken.None));
        var reads = store.HistoryReads;
        var roster = new PeerRoster(CeleryCourse.Course, new JourneyOptions(), store);

        var chosen = await roster.ChooseAsync(author, module, 9, CancellationToken.None);

        Assert.Equal(["l03", "l04", "l05", "l06", "l07", "l08", "l09", "l01", "l02"], chosen);
        Assert.Equal((reads, 1), (store.HistoryReads, store.FullPasses));
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
    }
}
