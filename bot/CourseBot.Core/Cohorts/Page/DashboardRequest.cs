namespace CourseBot.Core.Cohorts.Page;

/// <summary>
/// A request to the dashboard page, as a host reads it: <see cref="Page"/> is what follows <c>/dashboard/</c> (empty for
/// the page itself, <c>callback</c>, <c>signout</c>, <c>dashboard.js</c>, <c>dashboard.css</c>); <see cref="Root"/> is
/// the page's own absolute URL as the browser reached it (the OAuth callback is built from it, and GitHub accepts only
/// the callback URL registered on the App).
/// </summary>
public sealed record DashboardRequest(
    string Page,
    IReadOnlyDictionary<string, string> Query,
    IReadOnlyDictionary<string, string> Cookies,
    Uri Root)
{
    public bool Https => Root.Scheme == Uri.UriSchemeHttps;

    /// <summary>The page's path, which its links and files are under.</summary>
    public string RootPath => Root.AbsolutePath.TrimEnd('/');

    public Uri Callback => new(Root.AbsoluteUri.TrimEnd('/') + "/callback");
}
