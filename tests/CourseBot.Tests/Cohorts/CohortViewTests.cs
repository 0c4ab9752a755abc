using CourseBot.Core.Cohorts;
using CourseBot.Core.Cohorts.Dashboard;
using CourseBot.Core.Journey.Progression;
using CourseBot.Core.Journey.Sync;
using CourseBot.Core.Storage;
using CourseBot.Tests.Infrastructure;
using CourseBot.Tests.Journey;
using Microsoft.Extensions.Time.Testing;

namespace CourseBot.Tests.Cohorts;

/// <summary>The cohort read model and the dashboard files from 30 learners on record in SQLite, checked by golden files.</summary>
public sealed class CohortViewTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("coursebot-cohorts-").FullName;
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 8, 1, 0, 0, 0, TimeSpan.Zero));
    private readonly SqliteLearnerEvents _store;

    public CohortViewTests()
    {
        _store = new SqliteLearnerEvents(Path.Combine(_dir, "coursebot.db"), _time);
    }

    [Fact]
    public async Task EveryRow_IsTheLearnersOwnProgress_AsTheJourneyComputesIt()
    {
        await CohortOnRecord.WriteAsync(_store, _time);
        var cohorts = await new CohortViewBuilder(CeleryCourse.Course, _store, _time).BuildAsync(null, null, CancellationToken.None);
        Assert.Equal([CohortOnRecord.HostileCohort, "autumn-2026", "winter-2026"], cohorts.Select(c => c.Name));
        Assert.Equal(30, cohorts.Sum(c => c.Learners.Length));
        foreach (var row in cohorts.SelectMany(c => c.Learners))
        {
            var ledger = LearnerLedger.From(row.Repository, await _store.ReadAsync(row.Repository, CancellationToken.None));
            var progress = ledger.Progress(CeleryCourse.Course)!;
            Assert.Equal(progress.Current?.Module.Id, row.CurrentModule);
            var due = progress.Modules.Where(m => m.State != ModuleState.Passed).Select(m => m.Due?.DueOn).Min();
            Assert.Equal(due, row.DueOn);
            Assert.Equal(due is { } d && d < DateOnly.FromDateTime(CohortOnRecord.Today.UtcDateTime)
                ? DateOnly.FromDateTime(CohortOnRecord.Today.UtcDateTime).DayNumber - d.DayNumber : 0, row.DaysBehind);
            Assert.Equal(progress.Paths.Sum(p => p.Passed), row.ModulesPassed);
        }

        var learner20 = cohorts.SelectMany(c => c.Learners).Single(l => l.Login == "learner20");
        Assert.Contains("completion-fundamentals", learner20.Certificates);
        Assert.Equal(0, learner20.DaysBehind);
        var queue = cohorts.SelectMany(c => c.ReviewQueue).ToList();
        Assert.Equal(["learner21"], queue.Select(q => q.Learner.Login));
        Assert.Contains(cohorts.SelectMany(c => c.Learners), l => l.DaysBehind > 30);
    }

    [Fact]
    public async Task LabScores_SayWhichHiddenTestsGradedThem()
    {
        await CohortOnRecord.WriteAsync(_store, _time);
        var cohorts = await new CohortViewBuilder(CeleryCourse.Course, _store, _time).BuildAsync(null, null, CancellationToken.None);
        var learners = cohorts.SelectMany(c => c.Learners).ToDictionary(l => l.Login, StringComparer.Ordinal);
        IEnumerable<string?> Versions(string login) =>
            learners[login].Scores.Where(s => s.LabMax is not null).Select(s => s.LabHiddenVersion);

        Assert.Equal(["b71e04aa5c2d"], Versions("learner05").Distinct());
        Assert.Equal(["3f9a2c1d8e60"], Versions("learner06").Distinct());
        Assert.Equal([null], Versions("learner08").Distinct()); // graded before versions were recorded: still read
        var cohort = cohorts.Single(c => c.Learners.Contains(learners["learner05"]));
        var row = GradesCsvWriter.Write(CeleryCourse.Course, cohort).Split('\n')
            .Single(r => r.StartsWith("learner05,", StringComparison.Ordinal));
        Assert.Contains(",b71e04aa5c2d,", row, StringComparison.Ordinal);
    }

    /// <summary>The one-pass read and the per-learner read give the same view.</summary>
    [Fact]
    public async Task OneCohort_OnlyItsLearners()
    {
        await CohortOnRecord.WriteAsync(_store, _time);
        var read = 0;
        var winter = await new CohortViewBuilder(CeleryCourse.Course, _store, _time)
            .BuildAsync("winter-2026", new SyncProgress(() => read++), CancellationToken.None);
        Assert.Equal(10, Assert.Single(winter).Learners.Length);
        Assert.Equal(30, read);
    }

    [Fact]
    public async Task DashboardFiles_MatchTheirGoldenFiles()
    {
        await CohortOnRecord.WriteAsync(_store, _time);
        var files = await DashboardFilesAsync(_store, _time);
        Assert.Equal(1 + (3 * 4), files.Count); // README, then per cohort: page, grades, two charts
        foreach (var (path, text) in files)
        {
            Golden.AssertMatches("dashboard-" + path.Replace('/', '-'), text);
        }

        // The hostile cohort name is text everywhere: escaped in Markdown and SVG, defused in the CSV.
        var slug = CohortSlug.Of(CohortOnRecord.HostileCohort);
        Assert.DoesNotContain("<b>", files["README.md"], StringComparison.Ordinal);
        Assert.DoesNotContain("<b>", files[$"charts/{slug}-pace.svg"], StringComparison.Ordinal);
        Assert.Contains(",\"'=HYPERLINK(\"\"x\"\")<b>owls</b>|@all\",", files[$"grades/{slug}.csv"], StringComparison.Ordinal);
        Assert.Matches("^[a-z0-9-]+$", slug);
    }

    internal static async Task<SortedDictionary<string, string>> DashboardFilesAsync(ILearnerEvents store, TimeProvider time)
    {
        var cohorts = await new CohortViewBuilder(CeleryCourse.Course, store, time).BuildAsync(null, null, CancellationToken.None);
        return DashboardRenderer.Render(CeleryCourse.Course, cohorts, DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime));
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
    }

    private sealed class SyncProgress(Action report) : IProgress<int>
    {
        public void Report(int value) => report();
    }
}
