using CourseBot.Core.Curriculum.Model;
using CourseBot.Core.Journey;
using Microsoft.Extensions.Logging;
using Octokit;

namespace CourseBot.Core.Cohorts.Dashboard;

/// <summary>One dashboard refresh (queued by <see cref="DashboardSchedule"/>): every cohort's view, rendered, committed once.</summary>
public sealed partial class DashboardRefresh(
    Course course,
    DashboardOptions options,
    JourneyOptions journey,
    CohortViewBuilder views,
    Func<long, IGitHubClient> clients,
    Func<string, Task<long>> installationOf,
    TimeProvider time,
    ILogger<DashboardRefresh> logger)
{
    public async Task<string?> RunAsync(CancellationToken cancel)
    {
        if (!options.Enabled || journey.CourseRepository.Length == 0)
        {
            return null;
        }

        var cohorts = await views.BuildAsync(null, null, cancel).ConfigureAwait(false);
        var files = DashboardRenderer.Render(course, cohorts, DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime));
        var installation =
            journey.InstallationId > 0 ? journey.InstallationId : await installationOf(journey.CourseOwner).ConfigureAwait(false);
        var commit = await new DashboardWriter(clients(installation))
            .WriteAsync(journey.CourseOwner, options.Repository, files)
            .ConfigureAwait(false);
        LogRefreshed(logger, journey.CourseOwner, options.Repository, cohorts.Count, commit ?? "(unchanged)");
        return commit;
    }

    [LoggerMessage(
        EventId = 5501,
        Level = LogLevel.Information,
        Message = "Dashboard {Owner}/{Repository}: {Cohorts} cohorts, commit {Commit}"
    )]
    private static partial void LogRefreshed(ILogger logger, string owner, string repository, int cohorts, string commit);
}
