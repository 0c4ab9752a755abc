using CourseBot.Core.Cohorts;
using CourseBot.Core.Cohorts.Dashboard;
using CourseBot.Core.Journey;
using CourseBot.Core.Storage;
using CourseBot.Tests.Journey;
using CourseBot.Tests.Publishing;
using Microsoft.Extensions.Time.Testing;
using Xunit.Abstractions;

namespace CourseBot.Tests.Cohorts;

/// <summary>The dashboard repository kept through the emulator: one Git Data commit per refresh, calls counted.</summary>
public sealed class DashboardRepositoryTests(ITestOutputHelper output) : IDisposable
{
    private const string TokenRoute = "POST /app/installations/{installation_id}/access_tokens";
    private readonly string _dir = Directory.CreateTempSubdirectory("coursebot-dashboard-").FullName;
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 8, 1, 0, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task Refresh_Of200Learners_IsOneCommit_InAtMostFiveCalls()
    {
        var store = new SqliteLearnerEvents(Path.Combine(_dir, "coursebot.db"), _time);
        await CohortOnRecord.WriteAsync(store, _time, learners: 200);
        await using var harness = await PublishHarness.StartAsync();
        var writer = new DashboardWriter(harness.Client);

        var (first, created) = await RefreshAsync(harness, store, writer);
        Assert.NotNull(created);
        Assert.Equal(6, first); // first use only: GET head (404), create the repository, GET head, tree, commit, ref
        lock (harness.GitHub.State.Gate)
        {
            var repo = harness.GitHub.State.Repos[$"{PublishHarness.Org}/course-dashboard"];
            Assert.True(repo.Private);
            var tree = harness.GitHub.State.Trees[harness.GitHub.State.Commits[repo.Refs[repo.DefaultBranch]].Tree];
            Assert.Equal(13, tree.Count);
            Assert.Contains("grades/autumn-2026.csv", tree.Keys);
        }

        var (same, unchanged) = await RefreshAsync(harness, store, writer);
        Assert.Null(unchanged);
        Assert.Equal(2, same); // GET head, tree: the tree is the head's, no commit

        _time.Advance(TimeSpan.FromDays(1)); // idle learners fall one more day behind: the files change without any event
        var (next, commit) = await RefreshAsync(harness, store, writer);
        Assert.NotNull(commit);
        Assert.Equal(harness.Head("course-dashboard"), commit);
        Assert.Equal(4, next);
        output.WriteLine($"200 learners: first refresh {first} calls, unchanged {same}, changed {next} (one commit)");
    }

    [Fact]
    public async Task Schedule_QueuesOneRefreshPerWindow()
    {
        var inbox = new SqliteDeliveryInbox(Path.Combine(_dir, "coursebot.db"), _time);
        var schedule = new DashboardSchedule(
            new DashboardOptions(),
            new JourneyOptions { CourseRepository = "academy/course" },
            inbox,
            _time
        );
        Assert.True(await schedule.RequestAsync(CancellationToken.None));
        _time.Advance(TimeSpan.FromMinutes(5));
        Assert.False(await schedule.RequestAsync(CancellationToken.None));
        _time.Advance(TimeSpan.FromMinutes(15));
        Assert.True(await schedule.RequestAsync(CancellationToken.None));
        Assert.Equal(2, await inbox.PendingAsync(CancellationToken.None));
        var off = new DashboardSchedule(
            new DashboardOptions { Enabled = false },
            new JourneyOptions { CourseRepository = "a/b" },
            inbox,
            _time
        );
        Assert.False(await off.RequestAsync(CancellationToken.None));
    }

    private async Task<(int Calls, string? Commit)> RefreshAsync(PublishHarness harness, ILearnerEvents store, DashboardWriter writer)
    {
        var before = Calls(harness);
        var cohorts = await new CohortViewBuilder(CeleryCourse.Course, store, _time).BuildAsync(null, null, CancellationToken.None);
        var files = DashboardRenderer.Render(CeleryCourse.Course, cohorts, DateOnly.FromDateTime(_time.GetUtcNow().UtcDateTime));
        var commit = await writer.WriteAsync(PublishHarness.Org, "course-dashboard", files);
        return (Calls(harness) - before, commit);
    }

    private static int Calls(PublishHarness harness) => harness.GitHub.Calls.Where(c => c.Key != TokenRoute).Sum(c => c.Value);

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
    }
}
