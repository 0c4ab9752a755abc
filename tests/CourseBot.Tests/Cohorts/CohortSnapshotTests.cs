using System.Text.Json;
using CourseBot.Core.Cohorts;
using CourseBot.Core.Journey.History;
using CourseBot.Core.Storage;
using CourseBot.Tests.Journey;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Time.Testing;

namespace CourseBot.Tests.Cohorts;

/// <summary>
/// The cohort rows SQLite keeps per learner give exactly the view derived from every history: when first saved, when read
/// back, after more events for some learners (their rows derived again) and days later (days behind computed for that day),
/// and on a database written before the rows existed.
/// </summary>
public sealed class CohortSnapshotTests : IDisposable
{
    private static readonly JsonSerializerOptions Whole = new() { IncludeFields = true, WriteIndented = true };
    private readonly string _dir = Directory.CreateTempSubdirectory("coursebot-snapshots-").FullName;
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 8, 1, 0, 0, 0, TimeSpan.Zero));

    private string Database => Path.Combine(_dir, "coursebot.db");

    [Fact]
    public async Task StoredRows_GiveTheViewDerivedFromTheHistories_BeforeAndAfterMoreEvents()
    {
        var store = new SqliteLearnerEvents(Database, _time);
        await CohortOnRecord.WriteAsync(store, _time);
        var counting = new CountingSnapshots(store);
        var first = await ViewAsync(store);
        Assert.Equal(await FromHistoriesAsync(store), first);
        Assert.All(await HeadsAsync(store), h => Assert.NotNull(h.Snapshot));

        // Read back from the rows alone: no history is read.
        Assert.Equal(first, await ViewAsync(counting));
        Assert.Equal((0, 0), (counting.Counted.HistoryReads, counting.Counted.FullPasses));

        // More events for a few learners (a varied lot), then the calendar moves on: only those are derived again.
        var rows = JsonSerializer.Deserialize<CohortView[]>(first, Whole)!.SelectMany(v => v.Learners).ToList();
        var changed = await AppendVariedAsync(store, rows);
        Assert.Equal(changed.Count, (await HeadsAsync(store)).Count(h => h.Snapshot is null));
        _time.Advance(TimeSpan.FromDays(23));
        var later = await ViewAsync(counting);
        Assert.Equal((changed.Count, 0), (counting.Counted.HistoryReads, counting.Counted.FullPasses));
        Assert.Equal(await FromHistoriesAsync(store), later);
        Assert.NotEqual(first, later);
        Assert.Equal(later, await ViewAsync(store));
    }

    [Fact]
    public async Task DatabaseFromBeforeTheRows_IsFilledOnOpen_AndGivesTheSameView()
    {
        var old = new SqliteLearnerEvents(Database, _time);
        await CohortOnRecord.WriteAsync(old, _time);
        await using (var connection = new SqliteConnection($"Data Source={Database}"))
        {
            // As the schema stood before the rows: no heads table, no trigger.
            await connection.OpenAsync();
            await using var drop = connection.CreateCommand();
            drop.CommandText = "DROP TRIGGER learner_events_head; DROP TABLE learner_heads;";
            await drop.ExecuteNonQueryAsync();
        }

        var upgraded = new SqliteLearnerEvents(Database, _time);
        var heads = await HeadsAsync(upgraded);
        Assert.Equal(30, heads.Count);
        Assert.All(heads, h => Assert.Null(h.Snapshot));
        var view = await ViewAsync(upgraded);
        Assert.Equal(await FromHistoriesAsync(upgraded), view);
        Assert.Equal(view, await ViewAsync(upgraded));
    }

    [Fact]
    public async Task Snapshot_IsKeptOnlyAtItsHead_AndReadOnlyUnderItsKey()
    {
        var store = new SqliteLearnerEvents(Database, _time);
        var enrolled = await store.AppendAsync("academy/celery-x", "fundamentals",
            new Enrolled("x", "fundamentals", "part-time", new DateOnly(2026, 8, 1), "c", 1, null), CancellationToken.None);
        await store.AppendAsync("academy/celery-x", "fundamentals", new PaceChanged("full-time", null, "x", null),
            CancellationToken.None);

        // Derived before the second event: an event appended since makes it stale as soon as written, so it is not kept.
        await store.SaveSnapshotsAsync("k", [new LearnerSnapshot("academy/celery-x", enrolled.Sequence, "{}")],
            CancellationToken.None);
        Assert.Null(Assert.Single(await HeadsAsync(store, "k")).Snapshot);
        var head = Assert.Single(await HeadsAsync(store, "k"));
        await store.SaveSnapshotsAsync("k", [new LearnerSnapshot("academy/celery-x", head.Last, "{}")], CancellationToken.None);
        Assert.Equal("{}", Assert.Single(await HeadsAsync(store, "k")).Snapshot);
        Assert.Null(Assert.Single(await HeadsAsync(store, "another")).Snapshot);
    }

    /// <summary>The views serialised whole (every field of every row), for comparing views made by different paths.</summary>
    private async Task<string> ViewAsync(ILearnerEvents store) => JsonSerializer.Serialize(
        await new CohortViewBuilder(CeleryCourse.Course, store, _time).BuildAsync(null, null, CancellationToken.None), Whole);

    /// <summary>Through a store that keeps no rows: every history read and derived, as on Azure.</summary>
    private Task<string> FromHistoriesAsync(ILearnerEvents store) => ViewAsync(new CountingLearnerEvents(store));

    private static async Task<List<LearnerHead>> HeadsAsync(SqliteLearnerEvents store, string? key = null)
    {
        var heads = new List<LearnerHead>();
        await foreach (var head in store.ReadHeadsAsync(key ?? CohortSnapshotKey.For(CeleryCourse.Course), CancellationToken.None))
        {
            heads.Add(head);
        }

        return heads;
    }

    /// <summary>
    /// A quiz passed, an extension, a pace change, a pause, a move to another cohort, a capstone opened: one kind per learner
    /// of the first six behind pace or in progress. Returns the learners written to.
    /// </summary>
    private async Task<List<string>> AppendVariedAsync(SqliteLearnerEvents store, List<CohortLearner> rows)
    {
        var capstone = CeleryCourse.Course.Modules.First(m => m.Capstone is not null);
        var picked = rows.Where(r => r.CurrentModule is not null).OrderByDescending(r => r.DaysBehind).ThenBy(r => r.Login,
            StringComparer.Ordinal).Take(6).ToList();
        for (var i = 0; i < picked.Count; i++)
        {
            var (repository, module) = (picked[i].Repository, picked[i].CurrentModule!);
            LearnerEventData data = i switch
            {
                0 => new QuizSubmitted(1, null, 9, 10, 90, true, true, false, null, null),
                1 => new ScheduleExtended(14, "grace", null),
                2 => new PaceChanged("flexible", null, "grace", null),
                3 => new SchedulePaused(true, null, "grace", null),
                4 => new CohortMoved("spring-2027", null, "grace", null),
                _ => new CapstonePullRequest(3, "opened", false, true, "h", _time.GetUtcNow(), null),
            };
            var subject = i switch
            {
                0 => $"{module}/{QuizOf(module)}",
                5 => capstone.Id,
                _ => module,
            };
            await store.AppendAsync(repository, subject, data, CancellationToken.None);
        }

        return [.. picked.Select(p => p.Repository)];
    }

    private static string QuizOf(string module) =>
        CeleryCourse.Course.FindModule(module)!.Assessments
            .FirstOrDefault(a => a.Grading == Core.Curriculum.Model.Grading.Quiz)?.Id ?? "quiz";

    /// <summary>The SQLite store with its rows, its history reads counted (<see cref="CountingLearnerEvents"/>).</summary>
    private sealed class CountingSnapshots(SqliteLearnerEvents inner) : ILearnerEvents, ILearnerSnapshots
    {
        public CountingLearnerEvents Counted { get; } = new(inner);

        public Task<LearnerEvent> AppendAsync(string repository, string kind, string subject, string data, CancellationToken cancel) =>
            Counted.AppendAsync(repository, kind, subject, data, cancel);

        public Task<IReadOnlyList<LearnerEvent>> ReadAsync(string repository, CancellationToken cancel) =>
            Counted.ReadAsync(repository, cancel);

        public Task<IReadOnlyList<string>> LearnersAsync(CancellationToken cancel) => Counted.LearnersAsync(cancel);

        public IAsyncEnumerable<IReadOnlyList<LearnerEvent>> ReadEveryHistoryAsync(CancellationToken cancel) =>
            Counted.ReadEveryHistoryAsync(cancel);

        public IAsyncEnumerable<LearnerHead> ReadHeadsAsync(string key, CancellationToken cancel) => inner.ReadHeadsAsync(key, cancel);

        public Task SaveSnapshotsAsync(string key, IReadOnlyList<LearnerSnapshot> snapshots, CancellationToken cancel) =>
            inner.SaveSnapshotsAsync(key, snapshots, cancel);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
    }
}
