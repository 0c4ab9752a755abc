namespace CourseBot.Core.Cohorts.Page;

/// <summary>The dashboard's two cookies, both encrypted and signed by <see cref="DashboardTickets"/>.</summary>
public static class DashboardCookies
{
    /// <summary>Who signed in, until when.</summary>
    public const string Session = "coursebot_dashboard";

    /// <summary>The OAuth <c>state</c> this browser was sent to GitHub with, until when.</summary>
    public const string State = "coursebot_signin";
}
