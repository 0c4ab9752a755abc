using System.Net;
using System.Security.Cryptography;
using CourseBot.Cli.Serve;
using CourseBot.Core.Cohorts.Page;
using CourseBot.Core.Storage;
using CourseBot.GitHubEmulator;
using CourseBot.Tests.Infrastructure;
using CourseBot.Tests.Journey;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using Microsoft.Playwright;

namespace CourseBot.Tests.Cohorts;

/// <summary>
/// <c>/dashboard</c> on <c>coursebot serve</c>, signed in through the emulator's OAuth web flow, in Chromium: a cohort of
/// learners at different paces (three cohorts, one with a hostile name) on the fake clock; an instructor sees the tables and
/// charts, sorts and filters; a non-member is refused; a signed-out visitor, a tampered cookie and a wrong state are not let in.
/// </summary>
[Collection(ChromiumTestGroup.Name)]
public sealed class DashboardPageTests(Chromium chromium) : IAsyncLifetime
{
    private const string Org = "academy";
    private readonly string _data = Directory.CreateTempSubdirectory("coursebot-dashpage-").FullName;
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 8, 1, 0, 0, 0, TimeSpan.Zero));
    private readonly RSA _key = RSA.Create(2048);
    private GitHubEmulator.GitHubEmulator _github = null!;
    private WebApplication _bot = null!;
    private Uri _dashboard = null!;

    public async Task InitializeAsync()
    {
        var store = new SqliteLearnerEvents(Path.Combine(_data, "coursebot.db"), _time);
        await CohortOnRecord.WriteAsync(store, _time, learners: 12);
        _github = await GitHubEmulator.GitHubEmulator.StartAsync(new EmulatorOptions(), _time);
        var installation = _github.AddInstallation(Org);
        _github.AddTeamMember(Org, "instructors", "grace");
        _github.AddOrgMember(Org, "mallory");
        _bot = BotServer.Build(CeleryCourse.Course, "http://127.0.0.1:0", new Dictionary<string, string?>
        {
            ["CourseBot:DataDirectory"] = _data,
            ["CourseBot:Webhooks:Secret"] = "dashboard-test-secret",
            ["CourseBot:Queue:Worker"] = "false",
            ["CourseBot:GitHub:AppId"] = "4242",
            ["CourseBot:GitHub:PrivateKey"] = _key.ExportPkcs8PrivateKeyPem(),
            ["CourseBot:GitHub:ApiBaseUrl"] = _github.ApiBaseUrl.ToString(),
            ["CourseBot:GitHub:WebBaseUrl"] = _github.WebBaseUrl.ToString(),
            ["CourseBot:GitHub:ClientId"] = _github.Options.OAuthClientId,
            ["CourseBot:GitHub:ClientSecret"] = _github.Options.OAuthClientSecret,
            ["CourseBot:Journey:CourseRepository"] = Org + "/course",
            ["CourseBot:Journey:InstallationId"] = installation.ToString(System.Globalization.CultureInfo.InvariantCulture),
        }, services => services.Replace(ServiceDescriptor.Singleton<TimeProvider>(_time)));
        await _bot.StartAsync();
        _dashboard = new Uri(_bot.Urls.First() + "/dashboard");
    }

    public async Task DisposeAsync()
    {
        await _bot.DisposeAsync();
        await _github.DisposeAsync();
        _key.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_data, recursive: true);
    }

    [Fact]
    public async Task Instructor_SignsIn_SeesTablesAndCharts_SortsAndFilters()
    {
        _github.SignedInUser = "grace";
        await using var context = await chromium.NewContextAsync();
        var page = await context.NewPageAsync();
        var shown = await page.GotoAsync(_dashboard.AbsoluteUri); // to GitHub, back to the callback, then the page
        Assert.Equal(200, shown!.Status);
        Assert.Equal(_dashboard.AbsoluteUri, page.Url);
        Assert.Equal(1, _github.Calls["POST /login/oauth/access_token"]);
        Assert.Contains("Signed in as grace", await page.InnerTextAsync("header"), StringComparison.Ordinal);
        Assert.Equal(3, await page.Locator("section.cohort").CountAsync());
        Assert.Equal("rgb(246, 248, 250)", await page.Locator("th").First.EvaluateAsync<string>(
            "e => getComputedStyle(e).backgroundColor")); // the stylesheet loaded (the CSP allows the bot's own files)
        Assert.Equal(12, await page.Locator("table.learners tbody tr").CountAsync());
        Assert.True(await page.Locator("section.cohort svg").CountAsync() >= 6, "each cohort shows its two charts");
        Assert.True(await page.Locator("svg").First.BoundingBoxAsync() is { Width: > 100, Height: > 100 });

        // The hostile cohort name is text: its heading reads as typed and no markup came from it.
        Assert.Contains(CohortOnRecord.HostileCohort, await page.Locator("section.cohort h2").AllInnerTextsAsync());
        Assert.Equal(0, await page.Locator("main b").CountAsync());

        var path = Chromium.ScreenshotPath("dashboard-page");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        Assert.True(new FileInfo(path).Length > 10_000);

        // Sorting: "Days behind" of the first cohort's learners, ascending then descending.
        var table = page.Locator("section.cohort").First.Locator("table.learners");
        await table.Locator("th", new() { HasText = "Days behind" }).Locator("button").ClickAsync();
        var ascending = await DaysBehindAsync(table);
        Assert.Equal(ascending.Order().ToList(), ascending);
        Assert.NotEqual(ascending.First(), ascending.Last());
        await table.Locator("th", new() { HasText = "Days behind" }).Locator("button").ClickAsync();
        Assert.Equal(ascending.AsEnumerable().Reverse().ToList(), await DaysBehindAsync(table));

        // The cohort filter leaves one cohort on the page; "All cohorts" brings the others back.
        await page.SelectOptionAsync("#cohort-filter", "winter-2026");
        Assert.Equal(1, await page.Locator("section.cohort:visible").CountAsync());
        Assert.Equal("winter-2026", await page.Locator("section.cohort:visible h2").InnerTextAsync());
        await page.SelectOptionAsync("#cohort-filter", CohortOnRecord.HostileCohort);
        Assert.Equal(CohortOnRecord.HostileCohort, await page.Locator("section.cohort:visible h2").InnerTextAsync());
        await page.SelectOptionAsync("#cohort-filter", "");
        Assert.Equal(3, await page.Locator("section.cohort:visible").CountAsync());

        // The session cookie cannot be read by script and is bound to this site.
        var session = Assert.Single(await context.CookiesAsync(), c => c.Name == DashboardCookies.Session);
        Assert.True(session.HttpOnly);
        Assert.Equal(SameSiteAttribute.Lax, session.SameSite);

        // A session older than its lifetime (8 hours) signs in again.
        _time.Advance(TimeSpan.FromHours(9));
        using var http = Client();
        using var stale = await SendAsync(http, _dashboard, (DashboardCookies.Session, session.Value));
        Assert.Equal(HttpStatusCode.Redirect, stale.StatusCode);
    }

    [Fact]
    public async Task NonMember_IsRefused_WithAClearPage()
    {
        _github.SignedInUser = "mallory";
        await using var context = await chromium.NewContextAsync();
        var page = await context.NewPageAsync();
        var shown = await page.GotoAsync(_dashboard.AbsoluteUri);
        Assert.Equal(403, shown!.Status);
        var text = await page.InnerTextAsync("body");
        Assert.Contains("Not an instructor", text, StringComparison.Ordinal);
        Assert.Contains("mallory", text, StringComparison.Ordinal);
        Assert.Contains("academy/instructors", text, StringComparison.Ordinal);
        Assert.Equal(0, await page.Locator("table").CountAsync());
        Assert.DoesNotContain("learner00", await page.ContentAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignedOutVisitor_IsSentToGitHub_WithAStateCookie()
    {
        using var http = Client();
        using var response = await http.GetAsync(_dashboard);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!;
        var authorize = new Uri(_github.WebBaseUrl, "login/oauth/authorize").AbsoluteUri;
        Assert.StartsWith(authorize, location.AbsoluteUri, StringComparison.Ordinal);
        var query = System.Web.HttpUtility.ParseQueryString(location.Query);
        Assert.Equal(_github.Options.OAuthClientId, query["client_id"]);
        Assert.Equal(_dashboard.AbsoluteUri + "/callback", query["redirect_uri"]);
        Assert.True(query["state"]!.Length >= 40);
        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"),
            c => c.StartsWith(DashboardCookies.State, StringComparison.Ordinal));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(query["state"]!, cookie, StringComparison.Ordinal); // sealed, not the state itself
        Assert.Contains("default-src 'none'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task WrongState_MissingStateCookie_AndTamperedSession_AreRefused()
    {
        _github.SignedInUser = "grace";
        using var http = Client();
        using var start = await http.GetAsync(_dashboard);
        var state = System.Web.HttpUtility.ParseQueryString(start.Headers.Location!.Query)["state"]!;
        var stateCookie = CookieValue(start, DashboardCookies.State);

        // A code that came back with another state (a forged callback) is refused before it is exchanged.
        var code = await CodeAsync(state);
        using var wrong = await SendAsync(http, Callback(code, "not-" + state), (DashboardCookies.State, stateCookie));
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.Contains("Sign-in not accepted", await wrong.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var cookieless = await SendAsync(http, Callback(code, state));
        Assert.Equal(HttpStatusCode.BadRequest, cookieless.StatusCode);
        Assert.False(_github.Calls.ContainsKey("POST /login/oauth/access_token"));

        // The right state with its cookie signs in.
        using var signedIn = await SendAsync(http, Callback(code, state), (DashboardCookies.State, stateCookie));
        Assert.Equal(HttpStatusCode.SeeOther, signedIn.StatusCode);
        var session = CookieValue(signedIn, DashboardCookies.Session);
        using var shown = await SendAsync(http, _dashboard, (DashboardCookies.Session, session));
        Assert.Equal(HttpStatusCode.OK, shown.StatusCode);
        Assert.Contains("<table class=\"sortable learners\">", await shown.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // One character changed anywhere in the sealed cookie: treated as no session at all.
        var tampered = session[..20] + (session[20] == 'A' ? 'B' : 'A') + session[21..];
        using var refused = await SendAsync(http, _dashboard, (DashboardCookies.Session, tampered));
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.DoesNotContain("<table", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // A state cookie is not a session cookie, even though both are sealed by the same bot.
        using var confused = await SendAsync(http, _dashboard, (DashboardCookies.Session, stateCookie));
        Assert.Equal(HttpStatusCode.Redirect, confused.StatusCode);
    }

    private Uri Callback(string code, string state) =>
        new(_dashboard.AbsoluteUri + $"/callback?code={code}&state={Uri.EscapeDataString(state)}");

    /// <summary>What GitHub's authorize page sends the browser back with, without following it.</summary>
    private async Task<string> CodeAsync(string state)
    {
        using var http = Client();
        var authorize = new Uri(_github.WebBaseUrl, "login/oauth/authorize?client_id=" + _github.Options.OAuthClientId
            + "&redirect_uri=" + Uri.EscapeDataString(_dashboard.AbsoluteUri + "/callback") + "&state=" + state);
        using var back = await http.GetAsync(authorize);
        return System.Web.HttpUtility.ParseQueryString(back.Headers.Location!.Query)["code"]!;
    }

    private static async Task<List<int>> DaysBehindAsync(ILocator table) =>
        [.. (await table.Locator("tbody tr td:nth-child(6)").AllInnerTextsAsync()).Select(int.Parse)];

    private static HttpClient Client() => new(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false });

    private static async Task<HttpResponseMessage> SendAsync(HttpClient http, Uri url, params (string Name, string Value)[] cookies)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (cookies.Length > 0)
        {
            request.Headers.Add("Cookie", string.Join("; ", cookies.Select(c => $"{c.Name}={c.Value}")));
        }

        return await http.SendAsync(request);
    }

    private static string CookieValue(HttpResponseMessage response, string name)
    {
        var header = response.Headers.GetValues("Set-Cookie").First(c => c.StartsWith(name + "=", StringComparison.Ordinal));
        return header[(name.Length + 1)..header.IndexOf(';', StringComparison.Ordinal)];
    }
}
