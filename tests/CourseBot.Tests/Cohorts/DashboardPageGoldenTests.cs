using CourseBot.Core.Cohorts;
using CourseBot.Core.Cohorts.Page;
using CourseBot.Core.Storage;
using CourseBot.Tests.Infrastructure;
using CourseBot.Tests.Journey;
using Microsoft.Extensions.Time.Testing;

namespace CourseBot.Tests.Cohorts;

/// <summary>The dashboard page's HTML for a fixed cohort on record, byte for byte, and its refusal page.</summary>
public sealed class DashboardPageGoldenTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("coursebot-dashhtml-").FullName;
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 8, 1, 0, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task Page_ForAFixedCohort_MatchesItsGoldenFile()
    {
        var store = new SqliteLearnerEvents(Path.Combine(_dir, "coursebot.db"), _time);
        await CohortOnRecord.WriteAsync(store, _time, learners: 9);
        var cohorts = await new CohortViewBuilder(CeleryCourse.Course, store, _time).BuildAsync(null, null, CancellationToken.None);
        var html = DashboardPageWriter.Write(CeleryCourse.Course, cohorts, DateOnly.FromDateTime(_time.GetUtcNow().UtcDateTime),
            "<script>alert(1)</script>", "/dashboard");
        Golden.AssertMatches("dashboard-page.html", html);

        // Learner text (a cohort name, a login) is encoded everywhere; the page runs no inline script.
        Assert.DoesNotContain("<b>owls", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>alert", html, StringComparison.Ordinal);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(html, "<script"));
    }

    [Fact]
    public void Refusal_MatchesItsGoldenFile()
    {
        var html = DashboardMessageWriter.Write("Not an instructor", "You are signed in as <img src=x onerror=alert(1)>.",
            "/dashboard", ("signout", "Sign out"));
        Golden.AssertMatches("dashboard-page-refused.html", html);
        Assert.DoesNotContain("<img", html, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
    }
}
