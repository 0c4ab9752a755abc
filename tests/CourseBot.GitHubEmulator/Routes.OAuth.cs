using System.Globalization;
using System.Security.Cryptography;

namespace CourseBot.GitHubEmulator;

public sealed partial class GitHubEmulator
{
    private static readonly TimeSpan CodeLifetime = TimeSpan.FromMinutes(10);
    private static readonly TimeSpan UserTokenLifetime = TimeSpan.FromHours(8);
    private static readonly string[] ProfileFields =
        ["name", "company", "blog", "location", "email", "hireable", "bio", "twitter_username"];

    /// <summary>
    /// The OAuth web flow of a GitHub App, as GitHub answers it. <c>/login/oauth/*</c> are pages of the web host, not REST routes
    /// (GitHub's OpenAPI description has no entry for them, so they are not schema-checked): <c>authorize</c> sends the
    /// <see cref="SignedInUser"/> back to the callback with a one-use code and the <c>state</c> it was given;
    /// <c>access_token</c> exchanges that code (client id and secret, same callback) for a user token, answering refusals with
    /// 200 and an <c>error</c> field as GitHub does. <c>GET /user</c> is the REST route that takes that token.
    /// </summary>
    private void MapOAuth(WebApplication app, RouteGroupBuilder api)
    {
        app.MapGet("/login/oauth/authorize", (HttpContext context) =>
        {
            Calls.AddOrUpdate("GET /login/oauth/authorize", 1, (_, n) => n + 1);
            var query = context.Request.Query;
            if (query["client_id"].ToString() != Options.OAuthClientId)
            {
                return Results.NotFound();
            }

            if (SignedInUser is not { } login)
            {
                return Results.Content("<!doctype html><title>Sign in to GitHub</title><p>Sign in to GitHub", "text/html");
            }

            var redirect = query["redirect_uri"].ToString();
            if (!Uri.TryCreate(redirect, UriKind.Absolute, out var callback))
            {
                return Results.Content("<!doctype html><p>The redirect_uri is not valid.", "text/html", statusCode: 422);
            }

            var code = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(10));
            State.OAuthCodes[code] = (login, redirect, Time.GetUtcNow() + CodeLifetime);
            var state = query["state"].ToString();
            var back = $"{callback.AbsoluteUri}{(callback.Query.Length > 0 ? "&" : "?")}code={code}"
                + (state.Length > 0 ? "&state=" + Uri.EscapeDataString(state) : "");
            return Results.Redirect(back);
        });

        app.MapPost("/login/oauth/access_token", async (HttpContext context) =>
        {
            Calls.AddOrUpdate("POST /login/oauth/access_token", 1, (_, n) => n + 1);
            var form = context.Request.HasFormContentType
                ? (await context.Request.ReadFormAsync().ConfigureAwait(false)).ToDictionary(f => f.Key, f => f.Value.ToString())
                : (await BodyAsync(context).ConfigureAwait(false)).ToDictionary(f => f.Key, f => f.Value?.ToString() ?? "");
            var answer = Exchange(form);
            var json = context.Request.Headers.Accept.ToString().Contains("json", StringComparison.OrdinalIgnoreCase);
            return json ? Results.Json(answer) : Results.Content(
                string.Join('&', answer.Select(a =>
                    $"{a.Key}={Uri.EscapeDataString(Convert.ToString(a.Value, CultureInfo.InvariantCulture)!)}")),
                "application/x-www-form-urlencoded");
        });

        Route(api, "GET", "/user", context =>
        {
            var token = context.Request.Headers.Authorization.ToString().Split(' ', 2)[1];
            var login = State.UserTokens[token].Login;
            var user = Shapes.User(login, BaseUrl);
            foreach (var field in ProfileFields)
            {
                user[field] = field == "blog" ? "" : null;
            }

            var since = new DateTimeOffset(2020, 1, 1, 0, 0, 0, TimeSpan.Zero);
            user["public_repos"] = 0;
            user["public_gists"] = 0;
            user["followers"] = 0;
            user["following"] = 0;
            user["created_at"] = since;
            user["updated_at"] = since;
            return Task.FromResult(Results.Json(user));
        }, userAuth: true);
    }

    private Dictionary<string, object> Exchange(Dictionary<string, string> form)
    {
        static Dictionary<string, object> Error(string error, string description) => new()
        {
            ["error"] = error,
            ["error_description"] = description,
            ["error_uri"] = "https://docs.github.com/apps/managing-oauth-apps/troubleshooting-oauth-app-access-token-request-errors",
        };

        if (form.GetValueOrDefault("client_id") != Options.OAuthClientId
            || form.GetValueOrDefault("client_secret") != Options.OAuthClientSecret)
        {
            return Error("incorrect_client_credentials", "The client_id and/or client_secret passed are incorrect.");
        }

        // One use: the code is gone whether or not the rest of the exchange is right.
        if (!State.OAuthCodes.TryRemove(form.GetValueOrDefault("code") ?? "", out var code) || code.Expires < Time.GetUtcNow())
        {
            return Error("bad_verification_code", "The code passed is incorrect or expired.");
        }

        if (form.TryGetValue("redirect_uri", out var redirect) && redirect.Length > 0 && redirect != code.RedirectUri)
        {
            return Error("redirect_uri_mismatch", "The redirect_uri MUST match the registered callback URL for this application.");
        }

        var token = "ghu_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(18));
        State.UserTokens[token] = (code.Login, Time.GetUtcNow() + UserTokenLifetime);
        return new()
        {
            ["access_token"] = token,
            ["expires_in"] = (int)UserTokenLifetime.TotalSeconds,
            ["refresh_token"] = "ghr_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(30)),
            ["refresh_token_expires_in"] = 15897600,
            ["scope"] = "",
            ["token_type"] = "bearer",
        };
    }
}
