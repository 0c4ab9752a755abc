using System.ComponentModel.DataAnnotations;

namespace CourseBot.Core.Cohorts.Page;

/// <summary>
/// The instructors' dashboard page, <c>/dashboard</c> (<c>CourseBot:DashboardPage</c>). Sign-in uses the App's OAuth client
/// (<see cref="GitHub.GitHubAppOptions.ClientId"/> and <see cref="GitHub.GitHubAppOptions.ClientSecret"/>); who may look is
/// the instructors team (<see cref="Journey.JourneyOptions.InstructorsTeam"/>), asked of GitHub on every page view.
/// </summary>
public sealed class DashboardPageOptions
{
    public const string Section = "CourseBot:DashboardPage";

    /// <summary>How long a sign-in lasts before GitHub is asked again. Default: 8 hours (a working day).</summary>
    [Range(typeof(TimeSpan), "00:05:00", "7.00:00:00", ErrorMessage = Section + ":SessionLifetime must be from {1} to {2}")]
    public TimeSpan SessionLifetime { get; set; } = TimeSpan.FromHours(8);

    /// <summary>
    /// How long a sign-in may take, from leaving for GitHub to coming back (the <c>state</c> cookie's life). Default:
    /// 10 minutes, as long as GitHub keeps the code it sends back.
    /// </summary>
    [Range(typeof(TimeSpan), "00:01:00", "01:00:00", ErrorMessage = Section + ":SignInWithin must be from {1} to {2}")]
    public TimeSpan SignInWithin { get; set; } = TimeSpan.FromMinutes(10);
}
