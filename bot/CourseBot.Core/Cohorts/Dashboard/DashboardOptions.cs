using System.ComponentModel.DataAnnotations;

namespace CourseBot.Core.Cohorts.Dashboard;

/// <summary>The instructors' dashboard repository the bot keeps current (<c>CourseBot:Dashboard</c>).</summary>
public sealed class DashboardOptions
{
    public const string Section = "CourseBot:Dashboard";

    /// <summary>Whether the bot keeps the dashboard repository. Default: true (it does nothing until someone enrolls).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// The dashboard repository's name, in the course repository's organisation; created private on first use. The bot owns
    /// its files: each refresh replaces the whole tree. Default: <c>course-dashboard</c>.
    /// </summary>
    [RegularExpression("^[A-Za-z0-9._-]{1,100}$",
        ErrorMessage = Section + ":Repository must be 1 to 100 letters, digits, '.', '_' or '-'")]
    public string Repository { get; set; } = "course-dashboard";

    /// <summary>At most one refresh (so one commit per cohort) in this long. Default: 15 minutes.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "1.00:00:00", ErrorMessage = Section + ":RefreshEvery must be from {1} to {2}")]
    public TimeSpan RefreshEvery { get; set; } = TimeSpan.FromMinutes(15);
}
