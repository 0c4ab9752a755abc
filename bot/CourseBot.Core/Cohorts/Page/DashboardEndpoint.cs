using System.Collections.Immutable;
using System.Security.Cryptography;
using System.Text;
using CourseBot.Core.Curriculum.Model;
using CourseBot.Core.Journey;
using Microsoft.Extensions.Logging;
using Octokit;

namespace CourseBot.Core.Cohorts.Page;

/// <summary>
/// <c>/dashboard</c>, host-neutral. A visitor without a valid session is sent to GitHub to sign in (a fresh <c>state</c> sealed
/// in a cookie); the callback accepts only that browser's <c>state</c>, exchanges the code, and seals who signed in into the
/// session cookie. Every page view then asks GitHub, with the App's installation token, whether that login is an active
/// member of the instructors team: only then is anything shown. Anything unexpected refuses (fail closed).
/// </summary>
public sealed partial class DashboardEndpoint(
    Course course,
    CohortViewBuilder views,
    DashboardTickets tickets,
    GitHubSignIn signIn,
    DashboardPageOptions options,
    JourneyOptions journey,
    Func<long, IGitHubClient> clients,
    Func<string, Task<long>> installationOf,
    TimeProvider time,
    ILogger<DashboardEndpoint> logger)
{
    private const string Html = "text/html; charset=utf-8";
    private static readonly (string, string) Home = ("", "Back to the dashboard");

    public async Task<DashboardResponse> HandleAsync(DashboardRequest request, CancellationToken cancel)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.Page switch
        {
            "" => await PageAsync(request, cancel).ConfigureAwait(false),
            "callback" => await CallbackAsync(request, cancel).ConfigureAwait(false),
            "signout" => Answer(200, DashboardMessageWriter.Write("Signed out", "You are signed out of the cohort dashboard.",
                request.RootPath, Home), Delete(DashboardCookies.Session, request)),
            "dashboard.js" => new DashboardResponse(200, "text/javascript; charset=utf-8", DashboardAssets.Script, null, []),
            "dashboard.css" => new DashboardResponse(200, "text/css; charset=utf-8", DashboardAssets.Styles, null, []),
            _ => Answer(404, DashboardMessageWriter.Write("Not found", "The dashboard has no such page.", request.RootPath, Home)),
        };
    }

    private async Task<DashboardResponse> PageAsync(DashboardRequest request, CancellationToken cancel)
    {
        if (!signIn.IsConfigured || journey.CourseRepository.Length == 0)
        {
            return Answer(503, DashboardMessageWriter.Write("Dashboard not configured",
                "Sign-in needs the App's OAuth client (CourseBot:GitHub:ClientId and ClientSecret) and the course repository "
                + "(CourseBot:Journey:CourseRepository). Nobody can see the dashboard until they are set.", request.RootPath));
        }

        var cookie = request.Cookies.GetValueOrDefault(DashboardCookies.Session);
        if (tickets.OpenSession(cookie) is not { } login)
        {
            if (cookie is not null)
            {
                LogSessionRefused(logger);
            }

            return SendToGitHub(request, cookie is not null);
        }

        bool member;
        try
        {
            var installation = journey.InstallationId > 0
                ? journey.InstallationId : await installationOf(journey.CourseOwner).ConfigureAwait(false);
            member = await InstructorTeam.IsMemberAsync(clients(installation), journey, login).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is ApiException or HttpRequestException or InvalidOperationException)
        {
            LogMembershipUnknown(logger, login, ex);
            return Answer(503, DashboardMessageWriter.Write("GitHub did not answer",
                "The dashboard could not check your membership of the instructors team with GitHub, so it shows nothing. "
                + "Try again in a minute.", request.RootPath, Home));
        }

        if (!member)
        {
            LogNotMember(logger, login, journey.InstructorsTeam);
            return Answer(403, DashboardMessageWriter.Write("Not an instructor",
                $"You are signed in as {login}, who is not a member of the {journey.CourseOwner}/{journey.InstructorsTeam} team. "
                + "Only that team's members can see the cohort dashboard; ask an organisation owner to add you.",
                request.RootPath, ("signout", "Sign out")));
        }

        var cohorts = await views.BuildAsync(null, null, cancel).ConfigureAwait(false);
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        return Answer(200, DashboardPageWriter.Write(course, cohorts, today, login, request.RootPath));
    }

    private DashboardResponse SendToGitHub(DashboardRequest request, bool dropSession)
    {
        var state = Base64Url(RandomNumberGenerator.GetBytes(32));
        var cookies = ImmutableArray.CreateBuilder<DashboardCookie>();
        cookies.Add(new DashboardCookie(DashboardCookies.State, tickets.SealState(state, options.SignInWithin),
            options.SignInWithin, request.Https));
        if (dropSession)
        {
            cookies.Add(Delete(DashboardCookies.Session, request));
        }

        return new DashboardResponse(302, Html, "", signIn.AuthorizeUrl(request.Callback, state), cookies.ToImmutable());
    }

    private async Task<DashboardResponse> CallbackAsync(DashboardRequest request, CancellationToken cancel)
    {
        var dropState = Delete(DashboardCookies.State, request);
        var expected = tickets.OpenState(request.Cookies.GetValueOrDefault(DashboardCookies.State));
        var given = request.Query.GetValueOrDefault("state");
        if (expected is null || given is null || !CryptographicOperations.FixedTimeEquals(
            Encoding.UTF8.GetBytes(expected), Encoding.UTF8.GetBytes(given)))
        {
            LogStateRefused(logger);
            return Answer(400, DashboardMessageWriter.Write("Sign-in not accepted",
                "This sign-in did not start in this browser, or took too long, so it was refused. Start again from the dashboard.",
                request.RootPath, Home), dropState);
        }

        if (request.Query.GetValueOrDefault("error") is { } error)
        {
            return Answer(403, DashboardMessageWriter.Write("Not signed in",
                $"GitHub did not sign you in ({error}).", request.RootPath, Home), dropState);
        }

        if (request.Query.GetValueOrDefault("code") is not { Length: > 0 } code || !signIn.IsConfigured)
        {
            return Answer(400, DashboardMessageWriter.Write("Sign-in not accepted", "GitHub sent no sign-in code.",
                request.RootPath, Home), dropState);
        }

        string? login;
        string? problem;
        try
        {
            (login, problem) = await signIn.SignInAsync(code, request.Callback, cancel).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is ApiException or HttpRequestException or System.Text.Json.JsonException
            or TaskCanceledException)
        {
            (login, problem) = (null, "GitHub could not be asked who signed in");
            LogSignInFailed(logger, ex.Message);
        }

        if (login is null)
        {
            LogSignInFailed(logger, problem ?? "no login");
            return Answer(502, DashboardMessageWriter.Write("Sign-in failed", (problem ?? "GitHub did not sign you in") + ".",
                request.RootPath, Home), dropState);
        }

        LogSignedIn(logger, login);
        var session = new DashboardCookie(DashboardCookies.Session, tickets.SealSession(login, options.SessionLifetime),
            options.SessionLifetime, request.Https);
        return new DashboardResponse(303, Html, "", request.Root, [session, dropState]);
    }

    private static DashboardResponse Answer(int status, string body, params DashboardCookie[] cookies) =>
        new(status, Html, body, null, [.. cookies]);

    private static DashboardCookie Delete(string name, DashboardRequest request) => new(name, "", TimeSpan.Zero, request.Https);

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    [LoggerMessage(EventId = 5701, Level = LogLevel.Warning, Message = "Dashboard: a session cookie was refused (tampered or expired)")]
    private static partial void LogSessionRefused(ILogger logger);

    [LoggerMessage(EventId = 5702, Level = LogLevel.Warning, Message = "Dashboard: a sign-in's state did not match its browser")]
    private static partial void LogStateRefused(ILogger logger);

    [LoggerMessage(EventId = 5703, Level = LogLevel.Warning, Message = "Dashboard: {Login} is not in the {Team} team, refused")]
    private static partial void LogNotMember(ILogger logger, string login, string team);

    [LoggerMessage(EventId = 5704, Level = LogLevel.Error, Message = "Dashboard: membership of {Login} could not be checked")]
    private static partial void LogMembershipUnknown(ILogger logger, string login, Exception error);

    [LoggerMessage(EventId = 5705, Level = LogLevel.Warning, Message = "Dashboard: sign-in failed: {Problem}")]
    private static partial void LogSignInFailed(ILogger logger, string problem);

    [LoggerMessage(EventId = 5706, Level = LogLevel.Information, Message = "Dashboard: {Login} signed in")]
    private static partial void LogSignedIn(ILogger logger, string login);
}
