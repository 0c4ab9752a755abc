using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using CourseBot.Core.GitHub;

namespace CourseBot.Cli.Serve;

/// <summary>
/// Setup mode: with no GitHub App configured, <c>coursebot serve</c> offers a page that registers
/// one through GitHub's App Manifest flow (as Probot does) and keeps the returned id, key and
/// webhook secret in the local secrets file (mode 0600), never in the repository. The App's
/// permissions and events come from <c>bot/app-manifest.json</c>. Setup is open only while no App is
/// configured: once the secrets file exists it is never written again (a second run of the flow
/// would hand the bot to whoever ran it).
/// </summary>
internal sealed partial class AppSetup(GitHubAppOptions github, string secretsFile, TimeProvider time)
{
    public const string SecretsFileName = "secrets.json";
    private readonly ConcurrentDictionary<string, (string Session, DateTimeOffset Until)> _states = new(StringComparer.Ordinal);

    /// <summary>False once the secrets file exists (written by this flow, or by hand): every setup route answers 404 then.</summary>
    public bool IsOpen => !File.Exists(secretsFile);

    /// <summary>Prints where setup runs and the one-time code that opens it, on the bot's console only.</summary>
    public static void Announce(ILogger logger, Uri setupUrl, string code) => LogSetupCode(logger, setupUrl, code);

    public static JsonObject Manifest()
    {
        using var stream = typeof(AppSetup).Assembly.GetManifestResourceStream("app-manifest.json")
            ?? throw new InvalidOperationException("app-manifest.json is not embedded");
        return JsonNode.Parse(stream)!.AsObject();
    }

    /// <summary>The form that asks for the one-time code from the console.</summary>
    public static string CodePage(bool wrong) => Html(
        (wrong ? "<strong>That code is not right.</strong> " : "") +
        "Enter the one-time setup code that <code>coursebot serve</code> printed on its console when it started.</p>" +
        "<form method=\"post\" action=\"/setup\"><input name=\"code\" autocomplete=\"off\" autofocus> <button>Continue</button></form><p>");

    /// <summary>
    /// The setup page: a form that posts the manifest to GitHub (for an organisation, or the signed-in
    /// user); its state belongs to <paramref name="session"/>.
    /// </summary>
    public string Page(Uri publicUrl, string? organisation, string session)
    {
        var state = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        _states[state] = (session, time.GetUtcNow().AddMinutes(30));
        var manifest = Manifest();
        manifest["url"] = publicUrl.ToString();
        manifest["hook_attributes"] = new JsonObject { ["url"] = new Uri(publicUrl, WebhookEndpoints.Path).ToString(), ["active"] = true };
        manifest["redirect_url"] = new Uri(publicUrl, "/setup/callback").ToString();
        var target = string.IsNullOrWhiteSpace(organisation)
            ? new Uri(github.WebBaseUrl, $"settings/apps/new?state={state}")
            : new Uri(github.WebBaseUrl, $"organizations/{Uri.EscapeDataString(organisation.Trim())}/settings/apps/new?state={state}");
        static string E(string text) => WebUtility.HtmlEncode(text);
        var forOrganisation = string.IsNullOrWhiteSpace(organisation) ? "" : " for " + E(organisation);
        return $"""
            <!doctype html><html lang="en"><head><meta charset="utf-8"><title>CourseBot setup</title>
            <style>body{"{"}font-family:system-ui,sans-serif;margin:2rem;max-width:44rem{"}"}</style></head><body>
            <h1>CourseBot setup</h1>
            <p>No GitHub App is configured yet, so this bot accepts no webhooks. Register one in two clicks:
            GitHub creates the App with the permissions and events CourseBot needs, then sends you back here.</p>
            <form method="get" action="/setup"><label>Organisation that runs the course (empty: your account)
            <input name="org" value="{E(organisation ?? "")}"></label> <button>Use it</button></form>
            <form method="post" action="{E(target.ToString())}">
            <input type="hidden" name="manifest" value="{E(manifest.ToJsonString())}">
            <p><button type="submit">Create the GitHub App{forOrganisation}</button></p></form>
            <p>Webhooks will go to <code>{E(new Uri(publicUrl, WebhookEndpoints.Path).ToString())}</code>: GitHub must be able to reach it
            (set <code>CourseBot__PublicUrl</code> to this bot's public address, or forward webhooks to it).</p>
            </body></html>
            """;
    }

    /// <summary>GitHub's redirect: exchanges the one-time code for the App's credentials and stores them.</summary>
    public async Task<(int Status, string Html)> CompleteAsync(
        string? code, string? state, string session, HttpClient http, CancellationToken cancel)
    {
        if (state is null || !_states.TryGetValue(state, out var bound) || bound.Until < time.GetUtcNow()
            || !string.Equals(bound.Session, session, StringComparison.Ordinal) || !_states.TryRemove(state, out _))
        {
            return (400, Html("This setup link is unknown, has expired, or was started in another browser. Start again from /setup."));
        }

        if (!IsOpen)
        {
            return (409, Html("A GitHub App is already configured for this bot; its secrets file is left as it is."));
        }

        if (string.IsNullOrEmpty(code) || code.Length > 100 || !code.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
        {
            return (400, Html("GitHub did not send a setup code."));
        }

        using var response = await http.PostAsync(new Uri(github.ApiBaseUrl, $"app-manifests/{code}/conversions"), null, cancel)
            .ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            return (502, Html($"GitHub did not convert the manifest ({(int)response.StatusCode}). Start again from /setup."));
        }

        using var app = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancel).ConfigureAwait(false));
        var root = app.RootElement;
        var secrets = new JsonObject
        {
            ["CourseBot"] = new JsonObject
            {
                ["GitHub"] = new JsonObject
                {
                    ["AppId"] = root.GetProperty("id").GetInt64(),
                    ["Slug"] = root.GetProperty("slug").GetString(),
                    ["PrivateKey"] = root.GetProperty("pem").GetString(),
                    ["ClientId"] = root.TryGetProperty("client_id", out var id) ? id.GetString() : null,
                    ["ClientSecret"] = root.TryGetProperty("client_secret", out var secret) ? secret.GetString() : null,
                },
                ["Webhooks"] = new JsonObject { ["Secret"] = root.GetProperty("webhook_secret").GetString() },
            },
        };
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(secretsFile))!);
        // Created owner-only before the secret is written, so it is never readable by others, even briefly.
        // CreateNew: a secrets file that appeared meanwhile is never overwritten.
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        try
        {
            await using var file = new FileStream(secretsFile, options);
            await JsonSerializer.SerializeAsync(file, secrets, cancellationToken: cancel).ConfigureAwait(false);
        }
        catch (IOException) when (File.Exists(secretsFile))
        {
            return (409, Html("A GitHub App is already configured for this bot; its secrets file is left as it is."));
        }

        var htmlUrl = root.TryGetProperty("html_url", out var url) ? url.GetString() : null;
        var install = htmlUrl is null ? "" : $" (<a href=\"{WebUtility.HtmlEncode(htmlUrl)}/installations/new\">install</a>)";
        var name = WebUtility.HtmlEncode(root.GetProperty("name").GetString() ?? "");
        return (200, Html(
            $"The GitHub App <b>{name}</b> is registered; its key and webhook secret are in "
            + $"<code>{WebUtility.HtmlEncode(secretsFile)}</code>. Install it on your organisation{install}, "
            + "then restart <code>coursebot serve</code>."));
    }

    [LoggerMessage(EventId = 6001, Level = LogLevel.Warning,
        Message = "Setup mode: no GitHub App is configured. Open {SetupUrl} and enter the one-time code {Code}")]
    private static partial void LogSetupCode(ILogger logger, Uri setupUrl, string code);

    private static string Html(string message) =>
        $"<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>CourseBot setup</title></head><body><h1>CourseBot "
        + $"setup</h1><p>{message}</p></body></html>";
}
