namespace CourseBot.Core.Cohorts.Page;

/// <summary>
/// A cookie the dashboard sets. Hosts write every one HttpOnly, SameSite=Lax (the callback arrives as a top-level navigation
/// from GitHub, which a Strict cookie would not follow), path <c>/</c>, and Secure when <see cref="Secure"/>.
/// <see cref="MaxAge"/> null keeps it for the browser session; zero deletes it.
/// </summary>
public sealed record DashboardCookie(string Name, string Value, TimeSpan? MaxAge, bool Secure);
